package com.tierupgrade.ops;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import com.tierupgrade.history.HistoryView;

/** Behind {@link MeasuredHistory}. */
@MeasuredHistory
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class HistoryCounter {

    @Inject
    Metrics metrics;

    @AroundInvoke
    Object count(InvocationContext call) throws Exception {
        Object result = call.proceed();
        @SuppressWarnings("unchecked")
        List<HistoryView> entries = (List<HistoryView>) result;
        metrics.historyRecorded(entries);
        return result;
    }
}
