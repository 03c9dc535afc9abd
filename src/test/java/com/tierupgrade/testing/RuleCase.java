package com.tierupgrade.testing;

import static com.tierupgrade.testing.FactsBody.facts;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One row of the table of facts → expected decision under the default rules in rules/. The same rows are checked
 * in-process (no Quarkus) and over HTTP.
 */
public record RuleCase(String name, Supplier<FactsBody> body, String stage, String tier, List<String> heldBack) {

    @Override
    public String toString() {
        return name;
    }

    static RuleCase of(String name, Supplier<FactsBody> body, String stage, String tier, String... heldBack) {
        return new RuleCase(name, body, stage, tier, List.of(heldBack));
    }

    /** Added WeCom, 4 interactions, 2 purchases of 300 within 60 days: the first example of default-rules.md. */
    public static FactsBody repeatBuyer() {
        return facts().with("addedWeCom", true).interactions("i", 4, 1).purchases("p", 2, 300, 30);
    }

    private static Map<String, Object> coupon(boolean used) {
        return Map.of("amount", 50, "couponUsed", used);
    }

    public static List<RuleCase> all() {
        return List.of(
                // The examples of default-rules.md
                of("example: repeat buyer is RELIANT FOLLOWER", RuleCase::repeatBuyer, "RELIANT", "FOLLOWER"),
                of("example: willing repeat buyer is DISTRIBUTOR",
                        () -> repeatBuyer().with("distributorOptIn", true), "RELIANT", "DISTRIBUTOR"),
                of("example: refused distributor is held back",
                        () -> repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true),
                        "RELIANT", "FOLLOWER", "DISTRIBUTOR"),
                of("example: open complaint holds back HEAVY_CONSUMER",
                        () -> facts().with("addedWeCom", true).purchases("p", 5, 300, 10)
                                .event("c", "COMPLAINT", 3, Map.of("resolved", false)),
                        "COGNIZANT", "FOLLOWER", "HEAVY_CONSUMER"),
                of("example: purchases 100 days ago leave only TRUSTING",
                        () -> facts().with("addedWeCom", true).purchases("p", 2, 300, 100), "TRUSTING", "FOLLOWER"),

                // Stages
                of("no connection and no purchase: NOT_CONNECTED, no tier", () -> facts().with("region", "北京"),
                        "NOT_CONNECTED", null),
                of("following the official account is FAMILIAR",
                        () -> facts().with("followsOfficialAccount", true), "FAMILIAR", "FOLLOWER"),
                of("joining a group is FAMILIAR", () -> facts().with("inGroup", true), "FAMILIAR", "FOLLOWER"),
                of("a connection set to false is no connection", () -> facts().with("addedWeCom", false),
                        "NOT_CONNECTED", null),
                of("3 recent interactions make COGNIZANT",
                        () -> facts().with("addedWeChat", true).interactions("i", 3, 1), "COGNIZANT", "FOLLOWER"),
                of("2 interactions are not enough for COGNIZANT",
                        () -> facts().with("addedWeChat", true).interactions("i", 2, 1), "FAMILIAR", "FOLLOWER"),
                of("interactions older than 90 days do not count",
                        () -> facts().with("addedWeChat", true).interactions("i", 3, 91), "FAMILIAR", "FOLLOWER"),
                of("COGNIZANT needs FAMILIAR first", () -> facts().interactions("i", 5, 1), "NOT_CONNECTED", null),
                of("a purchase without a connection gives no stage of the journey and no tier",
                        () -> facts().purchases("p", 1, 100, 200), "NOT_CONNECTED", null),
                of("one purchase within a year is TRUSTING when connected",
                        () -> facts().with("addedWeChat", true).purchases("p", 1, 100, 200), "TRUSTING", "FOLLOWER"),
                of("a purchase older than a year is not TRUSTING",
                        () -> facts().with("addedWeChat", true).purchases("p", 1, 100, 400), "FAMILIAR", "FOLLOWER"),
                of("an open complaint blocks TRUSTING",
                        () -> facts().with("addedWeChat", true).purchases("p", 1, 100, 20)
                                .event("c", "COMPLAINT", 5, Map.of("resolved", false)),
                        "COGNIZANT", "FOLLOWER"),
                of("a complaint without resolved is open",
                        () -> facts().with("addedWeChat", true).purchases("p", 1, 100, 20)
                                .event("c", "COMPLAINT", 5, Map.of()),
                        "COGNIZANT", "FOLLOWER"),
                of("a resolved complaint does not block TRUSTING",
                        () -> facts().with("addedWeChat", true).purchases("p", 1, 100, 20)
                                .event("c", "COMPLAINT", 5, Map.of("resolved", true)),
                        "TRUSTING", "FOLLOWER"),
                of("2 purchases in the period make RELIANT",
                        () -> facts().with("inGroup", true).purchases("p", 2, 100, 10), "RELIANT", "FOLLOWER"),

                // Tiers
                of("2 shares in the period make SPREADER",
                        () -> facts().with("addedWeCom", true).event("s1", "SHARE", 3, Map.of("incentivized", true))
                                .event("s2", "SHARE", 4, Map.of("incentivized", true)),
                        "FAMILIAR", "SPREADER"),
                of("shares nobody paid for with a coupon or gift are not SPREADER",
                        () -> facts().with("addedWeCom", true).event("s1", "SHARE", 3, Map.of())
                                .event("s2", "SHARE", 4, Map.of("incentivized", false)),
                        "FAMILIAR", "FOLLOWER"),
                of("two group-rule violations hold back every tier above FOLLOWER",
                        () -> facts().with("inGroup", true).event("s1", "SHARE", 3, Map.of("incentivized", true))
                                .event("s2", "SHARE", 4, Map.of("incentivized", true))
                                .event("x1", "VIOLATION", 5, Map.of()).event("x2", "VIOLATION", 6, Map.of()),
                        "FAMILIAR", "FOLLOWER", "SPREADER"),
                of("a referral purchase makes INFLUENCER",
                        () -> facts().with("addedWeCom", true)
                                .event("r", "REFERRAL_PURCHASE", 3, Map.of("referredCustomerId", "x", "amount", 99)),
                        "FAMILIAR", "INFLUENCER"),
                of("a paid promoter (大咖/网红) is INFLUENCER",
                        () -> facts().with("addedWeCom", true).with("paidInfluencer", true), "FAMILIAR", "INFLUENCER"),
                of("a referral purchase without a connection gives no tier",
                        () -> facts().event("r", "REFERRAL_PURCHASE", 3, Map.of("referredCustomerId", "x")),
                        "NOT_CONNECTED", null),
                of("a good review from a repeat buyer makes DIE_HARD_FAN",
                        () -> repeatBuyer().event("rv", "REVIEW", 2, Map.of("rating", 4)), "RELIANT", "DIE_HARD_FAN"),
                of("a suggestion from a repeat buyer makes DIE_HARD_FAN",
                        () -> repeatBuyer().event("sg", "SUGGESTION", 2, Map.of()), "RELIANT", "DIE_HARD_FAN"),
                of("a good review without repeat purchase is not DIE_HARD_FAN",
                        () -> facts().with("addedWeCom", true).purchases("p", 1, 100, 5)
                                .event("rv", "REVIEW", 2, Map.of("rating", 5)),
                        "TRUSTING", "FOLLOWER"),
                of("spend of 1000 in the period makes HEAVY_CONSUMER",
                        () -> facts().with("addedWeCom", true).purchases("p", 1, 1000, 5), "TRUSTING",
                        "HEAVY_CONSUMER"),
                of("4 purchases in the period make HEAVY_CONSUMER",
                        () -> facts().with("addedWeCom", true).purchases("p", 4, 10, 5), "RELIANT", "HEAVY_CONSUMER"),
                of("3 referral purchases make a repeat buyer DISTRIBUTOR",
                        () -> repeatBuyer().event("r1", "REFERRAL_PURCHASE", 3, Map.of())
                                .event("r2", "REFERRAL_PURCHASE", 4, Map.of()).event("r3", "REFERRAL_PURCHASE", 5, Map.of()),
                        "RELIANT", "DISTRIBUTOR"),
                of("second-level distribution sales keep a distributor whose own purchases are old",
                        () -> facts().with("addedWeCom", true).with("distributorOptIn", true).purchases("p", 2, 300, 120)
                                .event("r1", "REFERRAL_PURCHASE", 5, Map.of("viaCustomerId", "a")),
                        "TRUSTING", "DISTRIBUTOR"),
                of("no distribution sale in the window: a distributor with old purchases falls back",
                        () -> facts().with("addedWeCom", true).with("distributorOptIn", true).purchases("p", 2, 300, 120),
                        "TRUSTING", "FOLLOWER"),
                of("opting in without repeat purchase is not DISTRIBUTOR",
                        () -> facts().with("addedWeCom", true).with("distributorOptIn", true).purchases("p", 1, 100, 5),
                        "TRUSTING", "FOLLOWER"),

                // Filters
                of("a recent bad review without refund holds back every tier above FOLLOWER",
                        () -> repeatBuyer().with("distributorOptIn", true).event("s1", "SHARE", 3, Map.of("incentivized", true))
                                .event("s2", "SHARE", 4, Map.of("incentivized", true)).event("rv", "REVIEW", 10, Map.of("rating", 2)),
                        "RELIANT", "FOLLOWER", "SPREADER", "DISTRIBUTOR"),
                of("a refund after the bad review lifts the hold",
                        () -> repeatBuyer().with("distributorOptIn", true).event("rv", "REVIEW", 10, Map.of("rating", 1))
                                .event("rf", "REFUND", 8, Map.of("amount", 300)),
                        "RELIANT", "DISTRIBUTOR"),
                of("a bad review older than 180 days no longer holds back",
                        () -> repeatBuyer().with("distributorOptIn", true).event("rv", "REVIEW", 181, Map.of("rating", 1)),
                        "RELIANT", "DISTRIBUTOR"),
                of("a bargain hunter is held back from DIE_HARD_FAN",
                        () -> facts().with("addedWeCom", true).event("c1", "PURCHASE", 5, coupon(true))
                                .event("c2", "PURCHASE", 6, coupon(true)).event("c3", "PURCHASE", 7, coupon(true))
                                .event("sg", "SUGGESTION", 2, Map.of()),
                        "RELIANT", "FOLLOWER", "DIE_HARD_FAN"),
                of("2 coupon purchases out of 3 are not a bargain hunter",
                        () -> facts().with("addedWeCom", true).event("c1", "PURCHASE", 5, coupon(true))
                                .event("c2", "PURCHASE", 6, coupon(true)).event("c3", "PURCHASE", 7, coupon(false))
                                .event("sg", "SUGGESTION", 2, Map.of()),
                        "RELIANT", "DIE_HARD_FAN"),
                of("a hold below the tier reached holds nothing back",
                        () -> facts().with("addedWeCom", true).event("c1", "PURCHASE", 5, coupon(true))
                                .event("c2", "PURCHASE", 6, coupon(true)).event("c3", "PURCHASE", 7, coupon(true))
                                .event("c4", "PURCHASE", 8, coupon(true)).event("sg", "SUGGESTION", 2, Map.of()),
                        "RELIANT", "HEAVY_CONSUMER"));
    }
}
