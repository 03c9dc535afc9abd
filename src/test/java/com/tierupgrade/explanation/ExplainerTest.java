package com.tierupgrade.explanation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.decision.AppliedCutOff;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.DimensionValue;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.decision.MeasureValue;
import com.tierupgrade.history.Cause;
import com.tierupgrade.history.HistoryView;
import com.tierupgrade.history.Kind;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladder.Rung;
import com.tierupgrade.rules.engine.Ladders;

/** The sentences, without Quarkus or a database. */
class ExplainerTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");

    private static final Ladders LADDERS = ladders();

    private static Ladders ladders() {
        Map<String, Ladder> ladders = new LinkedHashMap<>();
        ladders.put("stage", new Ladder("stage", "阶段", true,
                List.of(new Rung("TRUSTING", "信赖"), new Rung("RELIANT", "依靠"))));
        ladders.put("tier", new Ladder("tier", "层级", true,
                List.of(new Rung("FOLLOWER", "跟从用户"), new Rung("DISTRIBUTOR", "分销用户"))));
        ladders.put("lifecycle", new Ladder("lifecycle", "生命周期", false, List.of(new Rung("NEW", "新客"))));
        ladders.put("population", new Ladder("population", "人群分位", true, List.of(new Rung("SUPER_USER", "超级用户"))));
        return new Ladders(ladders);
    }

    private final Explainer explainer = new Explainer(LADDERS);

    @Test
    void shouldTellTheWholeDecisionAsOneParagraph() {
        Map<String, DimensionValue> dimensions = new LinkedHashMap<>();
        dimensions.put("stage", new DimensionValue("RELIANT", List.of("近90天购买 2 次(至少 2 次)")));
        dimensions.put("tier", new DimensionValue("FOLLOWER", List.of("已进入客户旅程(熟悉或更高阶段)")));
        dimensions.put("population", new DimensionValue("SUPER_USER", List.of("近90天消费 1200 元,达到门槛", "第二条")));
        Decision decision = Decision.of(dimensions,
                List.of(new HeldBackTier("DISTRIBUTOR", "用户明确拒绝分销,不硬推", "明确拒绝分销:不硬推")),
                List.of(new MeasureValue("purchasesInPeriod", "近90天购买次数", 2, "次"),
                        new MeasureValue("spendInPeriod", "近90天消费金额", 1200, "元"),
                        new MeasureValue("averageOrderValue", "近90天客单价", 1200.0 / 7, "元"),
                        new MeasureValue("couponShare", "近90天用券购买占比", 0.5, "")),
                List.of(),
                List.of(new AppliedCutOff("superUserSpend", "近90天消费前10%", 1000, 1234,
                        Instant.parse("2026-11-19T23:00:00Z"), "超级用户:消费进入全体前10%")),
                List.of("依靠:信赖且当前周期内复购"), "abc123", AS_OF);

        Explanation explanation = explainer.decision("c-1", decision, Cause.NEW_FACTS);

        assertEquals("客户 c-1 当前处于「依靠」阶段、「跟从用户」层级。"
                + "阶段「依靠」:近90天购买 2 次(至少 2 次)。"
                + "层级「跟从用户」:已进入客户旅程(熟悉或更高阶段)。"
                + "人群分位「超级用户」:近90天消费 1200 元,达到门槛;第二条。"
                + "「分销用户」被暂缓:用户明确拒绝分销,不硬推(规则「明确拒绝分销:不硬推」)。"
                + "依据的指标:近90天购买次数 2 次、近90天消费金额 1200 元、近90天客单价 171.43 元、近90天用券购买占比 50%。"
                + "使用的人群门槛:「近90天消费前10%」为 1000(按 1234 位客户计算,计算于 2026-11-19 23:00:00 UTC,"
                + "规则「超级用户:消费进入全体前10%」使用)。"
                + "触发的规则:「依靠:信赖且当前周期内复购」。"
                + "评估时间 2026-11-20 00:00:00 UTC,规则集版本 abc123,起因:收到新的或更正的事实。", explanation.text());
        assertEquals(explanation.sentences().get(0).text(), explanation.summary());
    }

    @Test
    void shouldSayWhenThereIsNoStageOrCause() {
        Decision decision = Decision.of(Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "v", AS_OF);
        assertEquals("客户 c-2 当前还没有进入客户旅程的任何阶段、没有层级。评估时间 2026-11-20 00:00:00 UTC,规则集版本 v。",
                explainer.decision("c-2", decision, null).text());
    }

    @Test
    void shouldTellEachKindOfEntry() {
        assertEquals("客户 c-3 于 2026-11-20 00:00:00 UTC 首次获得生命周期「新客」。",
                explainer.entry(entry(Kind.INITIAL, "lifecycle", null, "NEW")).summary());
        assertEquals("客户 c-3 于 2026-11-20 00:00:00 UTC 不再有生命周期(此前为「新客」)。",
                explainer.entry(entry(Kind.CHANGE, "lifecycle", "NEW", null)).summary());
        assertEquals("客户 c-3 于 2026-11-20 00:00:00 UTC 的层级由「跟从用户」升级为「分销用户」。",
                explainer.entry(entry(Kind.UPGRADE, "tier", "FOLLOWER", "DISTRIBUTOR")).summary());
        // A code the active ladders no longer have is shown as the code.
        assertEquals("客户 c-3 于 2026-11-20 00:00:00 UTC 的层级由「OLD_TIER」降级为「跟从用户」。",
                explainer.entry(entry(Kind.DOWNGRADE, "tier", "OLD_TIER", "FOLLOWER")).summary());
    }

    private static HistoryView entry(Kind kind, String dimension, String from, String to) {
        return new HistoryView(7, "c-3", dimension, kind, from, to, List.of("原因"), null, null, List.of(), "v", AS_OF,
                Cause.TIME, List.of(), List.of(), Map.of(), AS_OF, null, null, null);
    }
}
