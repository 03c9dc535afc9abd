package com.tierupgrade.ops;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Behind {@link MeasuredEvaluation}. */
@MeasuredEvaluation
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class EvaluationTimer {

    @Inject
    Metrics metrics;

    @AroundInvoke
    Object time(InvocationContext call) throws Exception {
        long start = System.nanoTime();
        try {
            return call.proceed();
        } finally {
            metrics.evaluated(System.nanoTime() - start);
        }
    }
}
