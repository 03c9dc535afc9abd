package com.tierupgrade.ops;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Counts the history entries the annotated method returns as appended ({@link Metrics#historyRecorded}); the method
 * must return {@code List<HistoryView>}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface MeasuredHistory {
}
