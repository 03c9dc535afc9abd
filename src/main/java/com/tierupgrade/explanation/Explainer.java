package com.tierupgrade.explanation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.tierupgrade.decision.AppliedCutOff;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.DimensionValue;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.decision.MeasureValue;
import com.tierupgrade.decision.RaisedWarning;
import com.tierupgrade.explanation.Explanation.Sentence;
import com.tierupgrade.explanation.Explanation.Topic;
import com.tierupgrade.history.Cause;
import com.tierupgrade.history.HistoryView;
import com.tierupgrade.history.Kind;
import com.tierupgrade.history.query.DisplayNames;
import com.tierupgrade.rules.engine.Ladders;

/**
 * Turns a decision or a history entry into sentences an auditor can paste into a report: each dimension with its
 * reasons, the tiers held back and the filter that held them, warnings, the measures and population cut-offs the rules
 * used, the rules that fired, the evaluation time, the rule-set version and the cause. Codes are shown by their display
 * names ({@link DisplayNames}). No I/O: everything it tells is passed in.
 */
public final class Explainer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Ladders ladders;
    private final DisplayNames names;

    public Explainer(Ladders ladders) {
        this.ladders = ladders;
        this.names = new DisplayNames(ladders);
    }

    /** A customer's current decision; {@code cause} null when it is not known. */
    public Explanation decision(String customerId, Decision decision, Cause cause) {
        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(Topic.SUMMARY, null, "客户 " + customerId + " 当前" + position(decision) + "。"));
        // In the order of ladders.yaml, then any dimension the active ladders no longer have.
        Map<String, DimensionValue> values = new LinkedHashMap<>();
        ladders.all().forEach(ladder -> {
            if (decision.dimensions().containsKey(ladder.dimension())) {
                values.put(ladder.dimension(), decision.dimensions().get(ladder.dimension()));
            }
        });
        decision.dimensions().forEach(values::putIfAbsent);
        values.forEach((dimension, value) -> sentences.add(dimension(dimension, value)));
        decision.roles().forEach((dimension, held) -> held.forEach(value -> sentences.add(role(dimension, value))));
        decision.withheld().forEach((dimension, value) -> sentences.add(new Sentence(Topic.DIMENSION, dimension,
                names.dimension(dimension) + ":规则得出" + quoted(dimension, value.rulesSay()) + ",尚未生效:"
                        + String.join(";", value.reasons()) + "。")));
        for (HeldBackTier hold : decision.heldBack()) {
            sentences.add(new Sentence(Topic.HELD_BACK, Ladders.TIER, heldBack(hold.tier(), List.of(hold.reason()),
                    hold.rule())));
        }
        for (RaisedWarning warning : decision.warnings()) {
            sentences.add(new Sentence(Topic.WARNING, warning.dimension(), "预警:" + warning.reason()
                    + rule(warning.rule()) + (warning.action() == null ? "" : ";建议动作:" + warning.action()) + "。"));
        }
        addEvaluation(sentences, decision.measures(), decision.cutOffs(), decision.firedRules(), decision.asOf(),
                decision.rulesetVersion(), cause);
        return explanation(customerId, null, decision.asOf(), decision.rulesetVersion(), cause, sentences);
    }

    /** One history entry, with what its evaluation computed. */
    public Explanation entry(HistoryView entry) {
        String dimension = entry.dimension();
        String dimensionName = names.dimension(dimension);
        String from = quoted(dimension, entry.from());
        String to = quoted(dimension, entry.to());
        String who = "客户 " + entry.customerId() + " 于 " + time(entry.at()) + " ";
        String summary = switch (entry.kind()) {
            case INITIAL -> who + "首次获得" + dimensionName + to + "。";
            case UPGRADE -> who + "的" + dimensionName + "由" + from + "升级为" + to + "。";
            case DOWNGRADE, CHANGE -> entry.to() == null
                    ? who + "不再有" + dimensionName + "(此前为" + from + ")。"
                    : who + "的" + dimensionName + "由" + (entry.from() == null ? "空" : from)
                            + (entry.kind() == Kind.DOWNGRADE ? "降级为" : "变更为") + to + "。";
            case GAINED -> who + "获得" + dimensionName + to + "(与其他" + dimensionName + "并存)。";
            case LOST -> who + "不再是" + dimensionName + from + "。";
            case HELD_BACK -> who + "已满足" + to + "的条件,但升级被暂缓," + dimensionName
                    + (entry.from() == null ? "仍为空" : "仍为" + from) + "。";
            case WARNING -> who + "在" + dimensionName + "上收到预警 " + entry.warning()
                    + (entry.to() == null ? "" : ",当前为" + to) + "。";
            case OVERRIDE -> who + "的" + dimensionName + "被 " + entry.author() + " 人工"
                    + ("PIN".equals(entry.manual()) ? "固定为" : "设定下限为") + to + expiry(entry) + "。";
            case HOLD -> who + "升级到" + dimensionName + to + "被 " + entry.author() + " 人工暂缓" + expiry(entry) + "。";
            case RELEASE -> who + "的" + dimensionName + "人工决定(" + manualName(entry.manual()) + from + ")"
                    + (entry.author() == null ? "到期失效" : "被 " + entry.author() + " 解除") + "。";
        };
        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(Topic.SUMMARY, dimension, summary));
        String reasons = String.join(";", entry.reasons());
        switch (entry.kind()) {
            case HELD_BACK -> sentences.add(new Sentence(Topic.HELD_BACK, dimension,
                    heldBack(entry.to(), entry.reasons(), entry.rule())));
            case WARNING -> sentences.add(new Sentence(Topic.WARNING, dimension, "预警:" + reasons
                    + rule(entry.rule()) + "。"));
            default -> {
                if (!entry.reasons().isEmpty()) {
                    sentences.add(new Sentence(Topic.REASONS, dimension, "原因:" + reasons + "。"));
                }
            }
        }
        addEvaluation(sentences, entry.measures(), entry.cutOffs(), entry.firedRules(), entry.at(),
                entry.rulesetVersion(), entry.cause());
        return explanation(entry.customerId(), entry.id(), entry.at(), entry.rulesetVersion(), entry.cause(),
                sentences);
    }

    private static String expiry(HistoryView entry) {
        return entry.expiresAt() == null ? "" : ",至 " + time(entry.expiresAt());
    }

    private static String manualName(String manual) {
        return manual == null ? "" : switch (manual) {
            case "FLOOR" -> "下限";
            case "PIN" -> "固定";
            case "HOLD" -> "暂缓";
            default -> manual;
        };
    }

    private String position(Decision decision) {
        List<String> parts = new ArrayList<>();
        parts.add(decision.stage() == null ? "还没有进入客户旅程的任何阶段"
                : "处于" + quoted(Ladders.STAGE, decision.stage()) + names.dimension(Ladders.STAGE));
        parts.add(decision.tier() == null ? "没有层级"
                : quoted(Ladders.TIER, decision.tier()) + names.dimension(Ladders.TIER));
        return String.join("、", parts);
    }

    private Sentence dimension(String dimension, DimensionValue value) {
        String text = names.dimension(dimension) + quoted(dimension, value.code());
        // An override or a policy never hides what the rules said.
        String rules = value.keptBy() == null ? ""
                : ";规则得出" + quoted(dimension, value.rulesSay()) + (value.rulesReasons().isEmpty() ? ""
                        : "(" + String.join(";", value.rulesReasons()) + ")");
        return new Sentence(Topic.DIMENSION, dimension,
                text + (value.reasons().isEmpty() ? "" : ":" + String.join(";", value.reasons())) + rules
                        + action(value) + "。");
    }

    private Sentence role(String dimension, DimensionValue value) {
        String text = names.dimension(dimension) + "之一:" + quoted(dimension, value.code());
        return new Sentence(Topic.DIMENSION, dimension,
                text + (value.reasons().isEmpty() ? "" : ":" + String.join(";", value.reasons())) + action(value)
                        + "。");
    }

    private static String action(DimensionValue value) {
        return value.action() == null ? "" : ";建议动作:" + value.action();
    }

    private String heldBack(String tier, List<String> reasons, String rule) {
        return quoted(Ladders.TIER, tier) + "被暂缓:" + String.join(";", reasons) + rule(rule) + "。";
    }

    private void addEvaluation(List<Sentence> sentences, List<MeasureValue> measures, List<AppliedCutOff> cutOffs,
            List<String> firedRules, Instant asOf, String version, Cause cause) {
        if (measures != null && !measures.isEmpty()) {
            sentences.add(new Sentence(Topic.MEASURES, null, "依据的指标:" + measures.stream()
                    .map(Explainer::measure).collect(Collectors.joining("、")) + "。"));
        }
        if (cutOffs != null && !cutOffs.isEmpty()) {
            sentences.add(new Sentence(Topic.CUT_OFFS, null, "使用的人群门槛:" + cutOffs.stream()
                    .map(cutOff -> "「" + cutOff.label() + "」为 " + number(cutOff.value()) + "(按 "
                            + cutOff.population() + " 位客户计算,计算于 " + time(cutOff.computedAt()) + ","
                            + "规则「" + cutOff.rule() + "」使用)")
                    .collect(Collectors.joining("、")) + "。"));
        }
        if (firedRules != null && !firedRules.isEmpty()) {
            sentences.add(new Sentence(Topic.RULES, null, "触发的规则:" + firedRules.stream()
                    .map(rule -> "「" + rule + "」").collect(Collectors.joining("、")) + "。"));
        }
        sentences.add(new Sentence(Topic.CONTEXT, null, "评估时间 " + time(asOf) + ",规则集版本 " + version
                + (cause == null ? "" : ",起因:" + cause(cause)) + "。"));
    }

    private static Explanation explanation(String customerId, Long entryId, Instant asOf, String version, Cause cause,
            List<Sentence> sentences) {
        return new Explanation(customerId, entryId, asOf, version, cause, sentences.get(0).text(),
                List.copyOf(sentences), sentences.stream().map(Sentence::text).collect(Collectors.joining()));
    }

    /** 近90天购买次数 2 次; a share without unit (占比, 率) as a percentage. */
    static String measure(MeasureValue measure) {
        String unit = measure.unit() == null ? "" : measure.unit();
        if (unit.isEmpty() && (measure.label().contains("占比") || measure.label().endsWith("率"))) {
            return measure.label() + " " + number(measure.value() * 100) + "%";
        }
        return measure.label() + " " + number(measure.value()) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** At most two decimals, no trailing zeros: 2, 600, 433.33. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String time(Instant instant) {
        return instant == null ? "(时间未知)" : TIME.format(instant);
    }

    static String cause(Cause cause) {
        return switch (cause) {
            case NEW_FACTS -> "收到新的或更正的事实";
            case TIME -> "时间推移后重新评估(时间窗口移动)";
            case RULESET_CHANGE -> "规则集变更后重新评估";
            case MANUAL -> "人工决定(下限、固定、暂缓或解除)";
        };
    }

    private static String rule(String rule) {
        return rule == null ? "" : "(规则「" + rule + "」)";
    }

    private String quoted(String dimension, String code) {
        return code == null ? "(无)" : "「" + names.value(dimension, code) + "」";
    }
}
