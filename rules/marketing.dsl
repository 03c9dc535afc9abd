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
# 翻译结果只用事实类型(Profile、Event、StageReached、TierReached、HeldBack)、参数和 functions.drl 的函数。

# ---- 关键字:规则 / 如果 / 那么 / 结束,与 rule / when / then / end 相同 ----
# 只替换行首单独成词的关键字,规则名称和原因里的同样字眼不受影响。
[keyword]^[\t\x20]*规则(?![^\s"])=rule
[keyword]^[\t\x20]*如果(?!\S)=when
[keyword]^[\t\x20]*那么(?!\S)=then
[keyword]^[\t\x20]*结束(?!\S)=end

# ---- 条件:客户旅程 ----
[when]^\s*客户已进入客户旅程\s*(?!.)=exists StageReached()
# 达到过该阶段(熟悉 → 认知 → 信赖 → 依靠)
[when]^\s*客户已进入\s*{阶段:熟悉|认知|信赖|依靠}\s*阶段\s*(?!.)=StageReached( code == 阶段_ {阶段} _ )

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
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}带来转介绍购买至少\s*{次数:[\w.]+}\s*次\s*(?!.)=accumulate( Event( type == "REFERRAL_PURCHASE", within(期间_ {期间} _) ); $referralPurchases : count(); $referralPurchases >= 数值_ {次数} _ )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}给出过\s*{星级:[\w.]+}\s*星及以上的好评\s*(?!.)=exists Event( type == "REVIEW", rating >= 数值_ {星级} _, within(期间_ {期间} _) )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}给出过\s*{星级:[\w.]+}\s*星及以下的差评且之后没有退款\s*(?!.)=exists ( Event( type == "REVIEW", rating <= 数值_ {星级} _, within(期间_ {期间} _), $reviewedAt : at ) and not Event( type == "REFUND", at > $reviewedAt ) )
[when]^\s*客户{期间:近\s*[\w.]+\s*天|当前周期内}提出过建议\s*(?!.)=exists Event( type == "SUGGESTION", within(期间_ {期间} _) )
[when]^\s*客户有未解决的投诉\s*(?!.)=exists Event( type == "COMPLAINT", resolved == false )

# ---- 条件:某层级的条件已成立(过滤规则用) ----
[when]^\s*客户已满足除\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*以外任一层级的条件\s*(?!.)=$tier : TierReached( code != 层级_ {层级} _ )
[when]^\s*客户已满足\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*的条件\s*(?!.)=TierReached( code == 层级_ {层级} _ )

# ---- 结果:升级 / 暂缓升级 ----
# 原因写在引号里("…" 或 “…”,里面不能再有引号或 \),逗号用 , 或 ，。原因原样保存给审计人员看;
# 原因里可以用 {占位} 写出数字,见最后一段。
[then]^\s*升级为\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new TierReached(层级_ {层级} _, "{原因}"_原因_));
# 「该层级」= 条件「客户已满足除…以外任一层级的条件」找到的那个层级
[then]^\s*暂缓升级\s*该层级\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new HeldBack($tier.getCode(), "{原因}"_原因_));
[then]^\s*暂缓升级\s*{层级:跟从用户|扩散用户|影响力用户|铁杆粉丝|重度消费用户|分销用户}\s*[,\uff0c]\s*原因\s*[\u201c"]{原因:[^"\u201c\u201d\\]*}[\u201d"]\s*(?!.)=insert(new HeldBack(层级_ {层级} _, "{原因}"_原因_));

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
# {参数名}:parameters.yaml 里该参数的值,如 {currentPeriodDays} → 90
[then]\{{参数:[a-zA-Z]\w*}\}(?!(?!.*_原因_))=" + yuan({参数}()) + "
# 其他中文 {…} 不是占位:编译时报错("… cannot be resolved"),免得写错的占位原样存进原因
[then]\{{占位:\p{L}[\p{L}\p{N}_]*}\}(?!(?!.*_原因_))=" + {占位} + "
# 去掉标记
[then]_原因_\)=)
