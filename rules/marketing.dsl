# 运营用语:运营用中文句子写规则(*.dslr),这个文件把每个句子翻译成规则引擎的语句。句子一览和例子见 docs/rules-dsl.md。
# Marketing sentences: each entry maps one Chinese sentence to DRL; tiers.dslr and filters.dslr are written with them.
#
# 格式:一个条目一行,等号左边是运营写的句子,右边是翻译结果。
#   [when] 条件句,写在 如果 与 那么 之间;[then] 结果句,写在 那么 与 结束 之间;
#   [keyword] 关键字;[*] 条件和结果里都用。
# 左边的 {名称:…} 是运营填写的部分,冒号后面是它允许的写法(正则表达式),\s* 表示这里可以有空格也可以没有:
#   [\w.]+ 数字(90、0.8)或 parameters.yaml 里的参数名(currentPeriodDays)。默认规则只写参数名,数字只在 parameters.yaml 改。
# 句子要占满一整行(左边开头的 ^\s* 和结尾的 \s*(?!.) 就是这个意思)。不合写法的行整行无法翻译,
# 编译时报 "Unable to expand" 和行号,不会被猜成别的意思。
#
# 顺序:每行规则会从上到下依次套用下面的每个条目,所以"加工"条目放在最后:它们把句子翻译后留下的
# 阶段_…_、层级_…_、期间_…_、数值_…_ 换成代码、天数或参数,把原因里的 {占位} 换成数字。
# 翻译结果只用事实类型(Profile、Event、Measure、CutOff、Previous、Reached、StageReached、TierReached、HeldBack、Warning)、
# 参数和 functions.drl 的函数。

# ---- 关键字:规则 / 如果 / 那么 / 结束,与 rule / when / then / end 相同 ----
# 只替换行首单独成词的关键字,规则名称和原因里的同样字眼不受影响。
[keyword]^[\t\x20]*规则(?![^\s"])=rule
[keyword]^[\t\x20]*如果(?!\S)=when
[keyword]^[\t\x20]*那么(?!\S)=then
[keyword]^[\t\x20]*结束(?!\S)=end

# ---- 条件:私域连接与客户旅程 ----
# 已连接私域 = 关注公众号、加企业微信、加个人微信或进群(种子 000:用户一定是要把握在商家自己手里,载体是微信)
[when]^\s*客户已连接私域\s*(?!.)=Profile( flag("followsOfficialAccount") || flag("addedWeCom") || flag("addedWeChat") || flag("inGroup") )
[when]^\s*客户未连接私域\s*(?!.)=Profile( flag("followsOfficialAccount") == false, flag("addedWeCom") == false, flag("addedWeChat") == false, flag("inGroup") == false )
# 阶段按顺序达到,进入了任一阶段就一定进入了熟悉阶段
[when]^\s*客户已进入客户旅程\s*(?!.)=exists Reached( dimension == "stage", code == "FAMILIAR" )
# 达到过该阶段(熟悉 → 认知 → 信赖 → 依靠)
[when]^\s*客户已进入\s*{阶段:熟悉|认知|信赖|依靠}\s*阶段\s*(?!.)=exists Reached( dimension == "stage", code == 阶段_ {阶段} _ )
# 某个维度(ladders.yaml)已经得出该取值,如:客户属于买家分组「问题用户」、客户属于关系等级「复购会员」
[when]^\s*客户属于\s*{维度:[^\u300c\u300d\s]+}\s*\u300c{取值:[^\u300c\u300d]+}\u300d\s*(?!.)=exists Reached( dimension == 维度_ {维度} _, code == 取值_ {取值} _ )

# ---- 条件:客户资料(属性的值为 true) ----
[when]^\s*客户本人愿意分销\s*(?!.)=Profile( flag("distributorOptIn") )
[when]^\s*客户明确拒绝分销\s*(?!.)=Profile( flag("distributorRefused") )
# {属性}:上游系统传来的属性名,如 inGroup、member
[when]^\s*客户资料中\s*{属性:[a-zA-Z]\w*}\s*为是\s*(?!.)=Profile( flag("{属性}") )

# ---- 条件:客户的事件,只算 {期间} 内的 ----
# {期间}:「近 N 天」(N 是数字或参数名),或「当前周期内」(= 近 currentPeriodDays 天)
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}购买次数至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "PURCHASE", within(期间_ {期间} _) ); $purchases : count(); $purchases >= 数值_ {次数} _ )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}消费金额至少\s*{金额:[\w.]+}\s*元\s*(?!.)=accumulate( Event( type == "PURCHASE", within(期间_ {期间} _), $amount : amount ); $spend : sum($amount); $spend >= 数值_ {金额} _ )
# {比例} 写成小数(0.8 = 80%);{期间} 内没有购买时不成立
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}用券购买占比至少\s*{比例:[\w.]+}\s*(?!.)=accumulate( Event( type == "PURCHASE", within(期间_ {期间} _) ); $allPurchases : count(); $allPurchases > 0 ) accumulate( Event( type == "PURCHASE", within(期间_ {期间} _), couponUsed ); $couponPurchases : count(); $couponPurchases >= 数值_ {比例} _ * $allPurchases )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}分享次数至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "SHARE", within(期间_ {期间} _) ); $shares : count(); $shares >= 数值_ {次数} _ )
# 因优惠券或礼品分享(SHARE 的 incentivized 为是;种子 000:由于有优惠、有礼物的驱动,他们非常愿意分享)
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}因优惠或礼品分享至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "SHARE", incentivized, within(期间_ {期间} _) ); $shares : count(); $shares >= 数值_ {次数} _ )
# 违反群规(VIOLATION;种子 004:2次违规者直接清理出群)
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}违反群规至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "VIOLATION", within(期间_ {期间} _) ); $violations : count(); $violations >= 数值_ {次数} _ )
# 只算一级转介绍:客户自己分享带来的购买
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}带来转介绍购买至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "REFERRAL_PURCHASE", has("viaCustomerId") == false, within(期间_ {期间} _) ); $referralPurchases : count(); $referralPurchases >= 数值_ {次数} _ )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}给出过\s*{星级:[\w.]+}\s*星及以上的好评\s*(?!.)=exists Event( type == "REVIEW", rating >= 数值_ {星级} _, within(期间_ {期间} _) )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}给出过\s*{星级:[\w.]+}\s*星及以下的差评且之后没有退款\s*(?!.)=exists ( Event( type == "REVIEW", rating <= 数值_ {星级} _, within(期间_ {期间} _), $reviewedAt : at ) and not Event( type == "REFUND", at > $reviewedAt ) )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}提出过建议\s*(?!.)=exists Event( type == "SUGGESTION", within(期间_ {期间} _) )
[when]^\s*客户有未解决的投诉\s*(?!.)=exists Event( type == "COMPLAINT", resolved == false )
# 没写 resolved 的投诉也算未解决
[when]^\s*客户没有未解决的投诉\s*(?!.)=not Event( type == "COMPLAINT", resolved == false )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}互动次数至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "INTERACTION", within(期间_ {期间} _) ); $interactions : count(); $interactions >= 数值_ {次数} _ )
# 未复购:{期间} 内买过,但少于 {次数} 次
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}有购买但少于\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "PURCHASE", within(期间_ {期间} _) ); $purchases : count(); $purchases >= 1, $purchases < 数值_ {次数} _ )
# 所有时间的购买,不限窗口
[when]^\s*客户累计购买次数至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "PURCHASE" ); $purchasesEver : count(); $purchasesEver >= 数值_ {次数} _ )
# 分销成交 = 一级和二级(带 viaCustomerId)转介绍购买(种子 004:二级分销,人拉人再拉人)
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}分销成交至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "REFERRAL_PURCHASE", within(期间_ {期间} _) ); $distributionSales : count(); $distributionSales >= 数值_ {次数} _ ) accumulate( Event( type == "REFERRAL_PURCHASE", has("viaCustomerId"), within(期间_ {期间} _) ); $secondLevelSales : count() )
# 人群分位:指标达到 cutoffs.yaml 里某个门槛(按全体客户定期计算;指标为 0 不算)
[when]^\s*{指标:距最近一次购买天数|距第一次购买天数|RFM窗口内购买次数|RFM窗口内消费金额|当前周期内购买次数|当前周期内消费金额|象限窗口内访问次数|象限窗口内贡献金额|促销敏感指数}\s*达到人群门槛\s*{门槛代码:[a-zA-Z]\w*}\s*(?!.)=CutOff( name == "{门槛代码}", $cutOffLabel : label, $cutOffValue : value ) Measure( name == 指标名_ {指标} _, $cutOffMeasure : value, value > 0, value >= $cutOffValue )
# 指标(measures.drl 算出的数值)与门槛比较:至少(≥)、不超过(≤)、高于(>)、低于(<)
[when]^\s*{指标:距最近一次购买天数|距第一次购买天数|RFM窗口内购买次数|RFM窗口内消费金额|当前周期内购买次数|当前周期内消费金额|象限窗口内访问次数|象限窗口内贡献金额|促销敏感指数}\s*{比较:至少|不超过|高于|低于}\s*{值:[\w.]+}\s*(?!.)=Measure( name == 指标名_ {指标} _, 指标变量_ {指标} _ : value, value 比较_ {比较} _ 数值_ {值} _ )
# 指标存在(客户有算出这个数值的事件)
[when]^\s*客户有指标\s*{指标:距最近一次购买天数|距第一次购买天数|RFM窗口内购买次数|RFM窗口内消费金额|当前周期内购买次数|当前周期内消费金额|象限窗口内访问次数|象限窗口内贡献金额|促销敏感指数}\s*(?!.)=Measure( name == 指标名_ {指标} _, 指标变量_ {指标} _ : value )
# 象限下滑:上次的象限比这次多一个"高"(高频、高价)
[when]^\s*客户的价值象限由更高的象限降为\s*\u300c{取值:[^\u300c\u300d]+}\u300d\s*(?!.)=Previous( dimension == "quadrant", $previousName : name, highs(code) > highs(取值_ {取值} _) ) exists Reached( dimension == "quadrant", code == 取值_ {取值} _ )

# ---- 条件:某层级的条件已成立(过滤规则用) ----
[when]^\s*客户已满足除\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*以外任一层级的条件\s*(?!.)=$tier : TierReached( code != 层级_ {层级} _ )
[when]^\s*客户已满足\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*的条件\s*(?!.)=TierReached( code == 层级_ {层级} _ )
# 该层级的条件成立,且没有过滤规则暂缓它(角色用)
[when]^\s*客户已满足\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*的条件且没有被暂缓\s*(?!.)=exists TierReached( code == 层级_ {层级} _ ) not HeldBack( tier == 层级_ {层级} _ )

# ---- 结果:升级 / 暂缓升级 ----
# 原因写在引号里("…" 或 “…”,里面不能再有引号或 \),逗号用 , 或 ，。原因原样保存给审计人员看;
# 原因里可以用 {占位} 写出数字,见最后一段。
[then]^\s*升级为\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new TierReached(层级_ {层级} _, "{原因}"_原因_));
# 「该层级」= 条件「客户已满足除…以外任一层级的条件」找到的那个层级
[then]^\s*暂缓升级\s*该层级\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new HeldBack($tier.getCode(), "{原因}"_原因_));
[then]^\s*暂缓升级\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new HeldBack(层级_ {层级} _, "{原因}"_原因_));
[then]^\s*进入\s*{阶段:熟悉|认知|信赖|依靠}\s*阶段\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new StageReached(阶段_ {阶段} _, "{原因}"_原因_));
# 任一维度的取值:归入 RFM分群「重要价值」,原因 "…"(维度和取值的名称见最后的加工条目)
[then]^\s*归入\s*{维度:[^\u300c\u300d\s]+}\s*\u300c{取值:[^\u300c\u300d]+}\u300d\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new Reached(维度_ {维度} _, 取值_ {取值} _, "{原因}"_原因_));
# 预警:发出 价值象限 预警 DRIFT_TO_LOW_LOW,原因 "…"(代码是大写英文,GET /warnings 按它列出)
[then]^\s*发出\s*{维度:[^\u300c\u300d\s]+}\s*预警\s*{代码:[A-Z][A-Z0-9_]*}\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new Warning("{代码}", 维度_ {维度} _, "{原因}"_原因_));

# ---- 加工:阶段、层级的中文名 → 代码(与 ladders.yaml 的 name / code 一致) ----
# 新增层级:ladders.yaml 加一项,这里加一行,再把名称加进上面四个 {层级:…} 里。
[*]阶段_\s*熟悉\s*_="FAMILIAR"
[*]阶段_\s*认知\s*_="COGNIZANT"
[*]阶段_\s*信赖\s*_="TRUSTING"
[*]阶段_\s*依靠\s*_="RELIANT"
[*]层级_\s*跟从用户\s*_="FOLLOWER"
[*]层级_\s*扩散用户\s*_="SPREADER"
[*]层级_\s*影响力用户\s*_="INFLUENCER"
[*]层级_\s*铁杆粉丝\s*_="DIE_HARD_FAN"
[*]层级_\s*重度消费用户\s*_="HEAVY_CONSUMER"
[*]层级_\s*分销用户\s*_="DISTRIBUTOR"

# ---- 加工:维度和取值的中文名 → 代码(与 ladders.yaml 一致)。新增维度或取值:ladders.yaml 加一项,这里加一行 ----
[*]维度_\s*阶段\s*_="stage"
[*]维度_\s*层级\s*_="tier"
[*]维度_\s*影响力类型\s*_="influencer"
[*]维度_\s*买家分组\s*_="buyerGroup"
[*]维度_\s*关系等级\s*_="relationship"
[*]维度_\s*RFM分群\s*_="rfm"
[*]维度_\s*生命周期\s*_="lifecycle"
[*]维度_\s*价值象限\s*_="quadrant"
[*]维度_\s*促销敏感度\s*_="sensitivity"
[*]维度_\s*人群分位\s*_="population"
[*]维度_\s*用户角色\s*_="tierRoles"
[*]取值_\s*未连接私域\s*_="NOT_CONNECTED"
[*]取值_\s*免费影响力用户\s*_="FREE"
[*]取值_\s*付费影响力用户\s*_="PAID"
[*]取值_\s*未复购用户\s*_="NON_REPEAT"
[*]取值_\s*复购用户\s*_="REPEAT"
[*]取值_\s*问题用户\s*_="PROBLEM"
[*]取值_\s*基础用户\s*_="BASIC"
[*]取值_\s*未购会员\s*_="MEMBER_NO_PURCHASE"
[*]取值_\s*已购会员\s*_="PURCHASED"
[*]取值_\s*复购会员\s*_="REPEAT"
[*]取值_\s*品牌KOC\s*_="KOC"
[*]取值_\s*重要价值\s*_="IMPORTANT_VALUE"
[*]取值_\s*重要发展\s*_="IMPORTANT_DEVELOP"
[*]取值_\s*重要保持\s*_="IMPORTANT_KEEP"
[*]取值_\s*重要挽留\s*_="IMPORTANT_RETAIN"
[*]取值_\s*一般价值\s*_="GENERAL_VALUE"
[*]取值_\s*一般发展\s*_="GENERAL_DEVELOP"
[*]取值_\s*一般保持\s*_="GENERAL_KEEP"
[*]取值_\s*一般挽留\s*_="GENERAL_RETAIN"
[*]取值_\s*新客\s*_="NEW"
[*]取值_\s*成熟\s*_="MATURE"
[*]取值_\s*忠诚\s*_="LOYAL"
[*]取值_\s*流失\s*_="CHURNED"
[*]取值_\s*高频高价\s*_="HIGH_FREQ_HIGH_VALUE"
[*]取值_\s*高频低价\s*_="HIGH_FREQ_LOW_VALUE"
[*]取值_\s*低频高价\s*_="LOW_FREQ_HIGH_VALUE"
[*]取值_\s*低频低价\s*_="LOW_FREQ_LOW_VALUE"
[*]取值_\s*冷淡\s*_="COLD"
[*]取值_\s*中立\s*_="NEUTRAL"
[*]取值_\s*敏感\s*_="SENSITIVE"
[*]取值_\s*狂热\s*_="FANATIC"
[*]取值_\s*重点关怀\s*_="PRIORITY_CARE"
[*]取值_\s*超级用户\s*_="SUPER_USER"
[*]取值_\s*跟从用户\s*_="FOLLOWER"
[*]取值_\s*扩散用户\s*_="SPREADER"
[*]取值_\s*影响力用户\s*_="INFLUENCER"
[*]取值_\s*铁杆粉丝\s*_="DIE_HARD_FAN"
[*]取值_\s*重度消费用户\s*_="HEAVY_CONSUMER"
[*]取值_\s*分销用户\s*_="DISTRIBUTOR"
[*]取值_\s*羊毛党\s*_="BARGAIN_HUNTER"

# ---- 加工:指标的中文名 → measures.drl 里的名称和绑定的变量;比较 → 运算符 ----
[when]指标名_\s*距最近一次购买天数\s*_="recencyDays"
[when]指标名_\s*距第一次购买天数\s*_="firstPurchaseDaysAgo"
[when]指标名_\s*RFM窗口内购买次数\s*_="frequency"
[when]指标名_\s*RFM窗口内消费金额\s*_="monetary"
[when]指标名_\s*当前周期内购买次数\s*_="purchasesInPeriod"
[when]指标名_\s*当前周期内消费金额\s*_="spendInPeriod"
[when]指标名_\s*象限窗口内访问次数\s*_="visitsInQuadrantWindow"
[when]指标名_\s*象限窗口内贡献金额\s*_="valueInQuadrantWindow"
[when]指标名_\s*促销敏感指数\s*_="promotionSensitivity"
[when]指标变量_\s*距最近一次购买天数\s*_=$recencyDays
[when]指标变量_\s*距第一次购买天数\s*_=$firstPurchaseDaysAgo
[when]指标变量_\s*RFM窗口内购买次数\s*_=$frequency
[when]指标变量_\s*RFM窗口内消费金额\s*_=$monetary
[when]指标变量_\s*当前周期内购买次数\s*_=$purchasesInPeriod
[when]指标变量_\s*当前周期内消费金额\s*_=$spendInPeriod
[when]指标变量_\s*象限窗口内访问次数\s*_=$visitsInQuadrantWindow
[when]指标变量_\s*象限窗口内贡献金额\s*_=$valueInQuadrantWindow
[when]指标变量_\s*促销敏感指数\s*_=$promotionSensitivity
[when]比较_\s*至少\s*_=>=
[when]比较_\s*不超过\s*_=<=
[when]比较_\s*高于\s*_=>
[when]比较_\s*低于\s*_=<

# ---- 加工:期间 → 天数 ----
[when]期间_\s*当前周期内\s*_=currentPeriodDays()
[when]期间_\s*近\s*{天数:[\w.]+}\s*天\s*_=数值_ {天数} _

# ---- 加工:数字原样保留,参数名变成参数的值(reliantMinPurchases → reliantMinPurchases()) ----
# 两者都不是的(如 9a)留在规则里,编译时报错。
[when]数值_\s*{数:[0-9][0-9.]*}\s*_={数}
[when]数值_\s*{参数:[a-zA-Z]\w*}\s*_={参数}()

# ---- 加工:原因里的 {占位} → 数字 ----
# 结果句翻译后,原因后面跟着标记 _原因_;只有带这个标记的行才替换 {占位},最后去掉标记。
# 这样没翻译成功的句子保持原样,编译时仍报 "Unable to expand" 和它所在的行。
# (?!(?!.*_原因_)) 即"这一行后面有 _原因_"(左边不能写 =,所以不用 (?=…))。
# 条件里那句统计到的实际数字(同一条规则里要有对应的条件句):
#   {购买次数}  客户近…天购买次数至少…次        {消费金额}  客户近…天消费金额至少…元
#   {分享次数}  客户近…天分享次数至少…次        {转介绍购买次数}  客户近…天带来转介绍购买至少…次
[then]\{购买次数\}(?!(?!.*_原因_))=" + $purchases + "
[then]\{消费金额\}(?!(?!.*_原因_))=" + yuan($spend) + "
[then]\{分享次数\}(?!(?!.*_原因_))=" + $shares + "
[then]\{转介绍购买次数\}(?!(?!.*_原因_))=" + $referralPurchases + "
[then]\{互动次数\}(?!(?!.*_原因_))=" + $interactions + "
[then]\{违规次数\}(?!(?!.*_原因_))=" + $violations + "
[then]\{累计购买次数\}(?!(?!.*_原因_))=" + $purchasesEver + "
[then]\{分销成交次数\}(?!(?!.*_原因_))=" + $distributionSales + "
[then]\{二级分销成交次数\}(?!(?!.*_原因_))=" + $secondLevelSales + "
#   {指标的中文名}  该指标的值(同一条规则里要有用到它的条件句),如 {距最近一次购买天数};{促销敏感指数} 写成百分数
[then]\{距最近一次购买天数\}(?!(?!.*_原因_))=" + shown($recencyDays) + "
[then]\{距第一次购买天数\}(?!(?!.*_原因_))=" + shown($firstPurchaseDaysAgo) + "
[then]\{RFM窗口内购买次数\}(?!(?!.*_原因_))=" + shown($frequency) + "
[then]\{RFM窗口内消费金额\}(?!(?!.*_原因_))=" + yuan($monetary) + "
[then]\{当前周期内购买次数\}(?!(?!.*_原因_))=" + shown($purchasesInPeriod) + "
[then]\{当前周期内消费金额\}(?!(?!.*_原因_))=" + yuan($spendInPeriod) + "
[then]\{象限窗口内访问次数\}(?!(?!.*_原因_))=" + shown($visitsInQuadrantWindow) + "
[then]\{象限窗口内贡献金额\}(?!(?!.*_原因_))=" + yuan($valueInQuadrantWindow) + "
[then]\{促销敏感指数\}(?!(?!.*_原因_))=" + percent($promotionSensitivity) + "
#   人群门槛句:{门槛名称}(cutoffs.yaml 的 label)、{门槛}(当前门槛值)、{达到门槛的数值}(客户的值)
[then]\{门槛名称\}(?!(?!.*_原因_))=" + $cutOffLabel + "
[then]\{门槛\}(?!(?!.*_原因_))=" + shown($cutOffValue) + "
[then]\{达到门槛的数值\}(?!(?!.*_原因_))=" + shown($cutOffMeasure) + "
#   象限下滑句:{上次的象限}
[then]\{上次的象限\}(?!(?!.*_原因_))=" + $previousName + "
# {参数名%}:比例参数写成百分数,如 {sensitivityFanaticMinShare%} → 80%
[then]\{{参数:[a-zA-Z]\w*}%\}(?!(?!.*_原因_))=" + percent({参数}()) + "
# {参数名}:parameters.yaml 里该参数的值,如 {currentPeriodDays} → 90
[then]\{{参数:[a-zA-Z]\w*}\}(?!(?!.*_原因_))=" + yuan({参数}()) + "
# 其他中文 {…} 不是占位:编译时报错("… cannot be resolved"),免得写错的占位原样存进原因
[then]\{{占位:\p{L}[\p{L}\p{N}_]*}\}(?!(?!.*_原因_))=" + {占位} + "
# 去掉标记
[then]_原因_\)=)
