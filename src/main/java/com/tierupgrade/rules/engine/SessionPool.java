package com.tierupgrade.rules.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Sessions of one knowledge base, kept for reuse: creating a session and Drools' first-use setup cost more than a
 * small evaluation itself. A session is taken by one evaluation at a time and given back emptied (its facts, agenda,
 * listeners and fact-handle counter reset), so the next evaluation starts exactly as on a new session. The pool
 * belongs to its {@link RuleSet}: a session of an older rule set can only ever evaluate for that rule set, whose
 * version the decision carries, and goes away with it.
 */
final class SessionPool {

    /** Idle sessions kept at most; more only exist while more evaluations run at once. */
    static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** An empty session of this knowledge base, for one evaluation; give it back with {@link #release}. */
    KieSession take() {
        KieSession session = idle.poll();
        if (session == null) {
            return kieBase.newKieSession();
        }
        idleCount.decrementAndGet();
        return session;
    }

    /**
     * Empties the session and keeps it, or disposes of it when enough are idle or the evaluation did not finish
     * normally (a halted session is never reused).
     */
    void release(KieSession session, boolean reusable) {
        if (reusable && session instanceof StatefulKnowledgeSessionImpl impl && idleCount.get() < MAX_IDLE) {
            impl.reset();
            idleCount.incrementAndGet();
            idle.offer(session);
        } else {
            session.dispose();
        }
    }

    int idle() {
        return idleCount.get();
    }
}
