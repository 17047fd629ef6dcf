/* koc-demo-words.c: the content tables of the demo workspace generator.
 *
 * Everything here is data (demo content, not UI), so nothing is translated. All brands
 * are fictional. Sentence slots, expanded by koc-demo-text.c:
 *   %p product   %P product (English)   %x feature / rarer word   %b brand alias
 *   %c city      %n small number        %m price                  %d days
 *   %a adjective %e emoji               %u @handle                %% percent sign
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-demo"

#include "config.h"

#include "koc-demo-private.h"

#define LIST(array) { array, G_N_ELEMENTS (array) }

const char *const koc_demo_platform_ids[KOC_DEMO_N_PLATFORMS] = {
  "xiaohongshu", "weibo", "douyin", "instagram",
};

const char *const koc_demo_topic_ids[KOC_DEMO_N_TOPICS] = {
  "beauty", "food", "tech", "lifestyle", "parenting", "fitness",
};

/* Own brands first (competes_with = -1), then their competitors. */
const KocDemoBrand koc_demo_brands[] = {
  { "露可", "Luko", { "LUKO", "露可精华", NULL }, "https://luko.example.com", KOC_DEMO_BEAUTY, -1 },
  { "栗山咖啡", "Lishan Coffee", { "栗山", "LISHAN", NULL }, "https://lishan.example.com", KOC_DEMO_FOOD, -1 },
  { "星屿", "Isleo", { "ISLEO", "星屿手机", NULL }, "https://isleo.example.com", KOC_DEMO_TECH, -1 },
  { "澜肌", "Lanskin", { "LANSKIN", NULL }, "https://lanskin.example.com", KOC_DEMO_BEAUTY, 0 },
  { "芙沐", "Fumoo", { "芙沐FUMOO", NULL }, "https://fumoo.example.com", KOC_DEMO_BEAUTY, 0 },
  { "柒颜", "Qiyan", { "七颜", "QIYAN", NULL }, "https://qiyan.example.com", KOC_DEMO_BEAUTY, 0 },
  { "茶语町", "Chayu Town", { "茶语", "CHAYU", NULL }, "https://chayu.example.com", KOC_DEMO_FOOD, 1 },
  { "麦隅烘焙", "Maiyu Bakery", { "麦隅", NULL }, "https://maiyu.example.com", KOC_DEMO_FOOD, 1 },
  { "鲸听", "Whalebeat", { "WHALEBEAT", "鲸听耳机", NULL }, "https://whalebeat.example.com", KOC_DEMO_TECH, 2 },
  { "朴拍", "Snapo", { "SNAPO", NULL }, "https://snapo.example.com", KOC_DEMO_TECH, 2 },
  { "凌迹", "Lingtrace", { "凌迹科技", NULL }, "https://lingtrace.example.com", KOC_DEMO_TECH, 2 },
};
const guint koc_demo_n_brands = G_N_ELEMENTS (koc_demo_brands);

/* ---- beauty ---- */
static const char *const beauty_products[] = {
  "面膜", "精华", "口红", "防晒", "粉底液", "眼霜", "卸妆油", "洁面", "爽肤水", "乳液",
  "面霜", "气垫", "眼影盘", "腮红", "睫毛膏", "唇釉", "身体乳", "护手霜", "精华油", "安瓶",
};
static const char *const beauty_features[] = {
  "烟酰胺", "玻色因", "A醇", "积雪草", "神经酰胺", "透明质酸", "水杨酸", "果酸", "胜肽",
  "角鲨烷", "虾青素", "依克多因", "二裂酵母", "早C晚A", "油痘肌", "敏感肌", "干皮", "混油皮",
  "黄黑皮", "冷白皮", "闭口", "泛红", "熬夜脸", "持妆", "拔干", "搓泥", "假白", "成膜快",
  "哑光", "水光", "柔焦", "SPF50+", "PA++++", "无香精",
};
static const char *const beauty_sentences[] = {
  "用了%d天，%x的问题真的改善了",
  "我是%x，这个%p完全不踩雷",
  "%p的质地很水润，上脸秒吸收",
  "坚持用%p一个月，皮肤状态稳定多了",
  "这支%p颜色绝了，黄皮也能冲",
  "%x党狂喜，%p终于找到本命了",
  "夏天必备的%p，出门通勤不怕晒",
  "熬夜之后敷一片%p，第二天脸还是亮的",
  "空瓶了%n瓶%p，今天来交作业",
  "%p上脸有点搓泥，和%x叠加要等一会儿",
  "说实话%p的味道我不太喜欢，效果还行",
  "%p控油能力一般，混油皮下午会出油",
  "换季烂脸期靠这个%p救回来了",
  "%p的包装很有质感，送闺蜜也合适",
  "妆前用%p打底，持妆一整天不脱妆",
};
static const char *const beauty_hashtags[] = {
  "护肤", "面膜推荐", "平价护肤", "敏感肌护肤", "空瓶记", "小红书好物", "好物分享",
  "美妆", "口红试色", "防晒推荐", "精华推荐", "学生党护肤", "以油养肤", "换季护肤",
};
static const char *const beauty_products_en[] = {
  "serum", "sheet mask", "sunscreen", "lip tint", "moisturizer", "cleanser", "toner",
  "eye cream", "cushion foundation", "blush",
};
static const char *const beauty_sentences_en[] = {
  "this %P is a game changer for my dry skin",
  "been using the %P for %d days and my skin is glowing",
  "finally found a %P that doesn't break me out",
  "the texture of this %P is so lightweight",
  "not sure about the %P yet, the scent is a bit strong",
  "my holy grail %P, repurchased %n times",
};
static const char *const beauty_hashtags_en[] = {
  "skincare", "skincareroutine", "glowingskin", "beautyfinds", "makeup", "serum",
  "spf", "cleanbeauty", "kbeauty", "selfcare",
};

/* ---- food ---- */
static const char *const food_products[] = {
  "咖啡", "奶茶", "火锅", "拿铁", "冷萃", "可颂", "贝果", "蛋挞", "甜品", "面包", "烤肉",
  "小龙虾", "螺蛳粉", "生椰拿铁", "手冲", "芋泥", "抹茶", "烘焙", "早午餐", "冰美式",
};
static const char *const food_features[] = {
  "耶加雪菲", "深烘", "浅烘", "燕麦奶", "半糖", "去冰", "少冰", "牛油锅底", "番茄锅底",
  "毛肚", "鸭血", "黄油", "酸种", "碱水", "开心果", "海盐芝士", "桂花", "杨枝甘露",
  "隐藏菜单", "探店", "排队两小时", "人均%m", "外卖", "打包",
};
static const char *const food_sentences[] = {
  "%c这家%p店排队%n十分钟也值了",
  "%p点了%x，甜度刚刚好不腻",
  "周末去%c探店，%p真的惊艳到我",
  "%p的口感很扎实，%x味很浓",
  "打工人续命全靠一杯%p",
  "%p性价比超高，人均%m吃到撑",
  "第%n次回购这家%p，老板已经认识我了",
  "%p有点太甜了，下次要%x",
  "这家%p的环境很出片，适合拍照",
  "和闺蜜在%c吃%p，聊了一下午",
  "自己在家复刻%p，%x的比例很关键",
  "%p踩雷了，%x完全没味道",
};
static const char *const food_hashtags[] = {
  "探店", "咖啡日常", "奶茶", "火锅", "美食分享", "吃货日常", "面包控", "周末去哪儿",
  "打工人早餐", "甜品", "城市漫步", "小红书美食",
};
static const char *const food_products_en[] = {
  "latte", "flat white", "croissant", "bubble tea", "hotpot", "sourdough", "matcha",
  "cold brew", "brunch", "cheesecake",
};
static const char *const food_sentences_en[] = {
  "best %P in %c, hands down",
  "this %P was worth the %n hour wait",
  "tried the new %P today and wow",
  "the %P here is a little overpriced but so good",
  "weekend %P run with the girls",
  "homemade %P attempt number %n",
};
static const char *const food_hashtags_en[] = {
  "foodie", "coffeetime", "latteart", "brunch", "bubbletea", "hotpot", "bakery",
  "cafehopping", "eeeeeats", "foodstagram",
};

/* ---- tech ---- */
static const char *const tech_products[] = {
  "手机", "耳机", "平板", "相机", "智能手表", "充电宝", "键盘", "鼠标", "音箱", "笔记本",
  "运动相机", "降噪耳机", "手环", "投影仪",
};
static const char *const tech_features[] = {
  "降噪", "续航", "快充", "影像", "夜景模式", "高刷屏", "蓝牙5.3", "防抖", "人像模式",
  "潜望长焦", "空间音频", "低延迟", "IP68", "120Hz", "4K60帧", "Type-C", "无线充",
  "骁光芯片", "屏幕素质", "系统流畅度", "发热控制", "手感",
};
static const char *const tech_sentences[] = {
  "%p的%x真的可以，地铁上世界都安静了",
  "用了%d天，%p的%x比上一代强太多",
  "%p续航实测一天半，重度使用也够",
  "拍照党闭眼入，%p的%x很能打",
  "%p价格%m，这个配置很香",
  "%p的%x有点拉胯，希望固件更新能修",
  "通勤路上全靠这副%p续命",
  "开箱%p，包装很简洁，配件齐全",
  "%p对比了%n款，最后还是选了这个",
  "学生党预算有限，%p是最佳平替",
  "%p玩游戏%x明显，其他都满意",
};
static const char *const tech_hashtags[] = {
  "数码", "开箱", "耳机推荐", "手机摄影", "数码好物", "学生党数码", "测评", "桌搭",
  "拍照技巧", "Vlog设备",
};
static const char *const tech_products_en[] = {
  "phone", "earbuds", "camera", "tablet", "smartwatch", "power bank", "keyboard",
};
static const char *const tech_sentences_en[] = {
  "the battery on this %P lasts forever",
  "unboxing my new %P, first impressions",
  "night shots on this %P are insane",
  "the noise cancelling on these %P is wild",
  "honestly the %P is overhyped, returning it after %d days",
  "desk setup upgrade: new %P",
};
static const char *const tech_hashtags_en[] = {
  "tech", "unboxing", "gadgets", "desksetup", "techreview", "shotonphone", "audiophile",
};

/* ---- lifestyle, parenting, fitness: smaller vocabularies ---- */
static const char *const life_products[] = {
  "香薰", "帆布包", "手账", "绿植", "收纳盒", "四件套", "保温杯", "拖鞋", "穿搭", "露营装备",
};
static const char *const life_features[] = {
  "极简风", "奶油风", "ins风", "胶片感", "氛围感", "出租屋改造", "断舍离", "city walk",
};
static const char *const life_sentences[] = {
  "出租屋改造第%n天，%p让房间氛围感拉满",
  "%x爱好者必入的%p",
  "周末在%c逛到的%p，一眼心动",
  "%p用了%d天，幸福感提升了",
};
static const char *const life_hashtags[] = {
  "生活方式", "家居好物", "出租屋改造", "周末vlog", "穿搭", "露营",
};
static const char *const parenting_products[] = {
  "纸尿裤", "辅食", "奶瓶", "儿童牙膏", "绘本", "推车", "安全座椅", "儿童水杯",
};
static const char *const parenting_features[] = {
  "红屁屁", "转奶", "厌奶期", "分龄", "无添加", "防胀气", "一岁宝宝", "二胎",
};
static const char *const parenting_sentences[] = {
  "宝宝%x，换了这款%p之后好多了",
  "新手妈妈必看，%p怎么选",
  "%p用了%d天，娃很喜欢",
  "给%x的宝宝准备的%p清单",
};
static const char *const parenting_hashtags[] = {
  "育儿", "宝妈日常", "母婴好物", "辅食", "亲子阅读", "新手妈妈",
};
static const char *const fitness_products[] = {
  "瑜伽垫", "蛋白粉", "跑鞋", "运动内衣", "筋膜枪", "跳绳", "代餐", "健身餐",
};
static const char *const fitness_features[] = {
  "减脂期", "体脂率", "配速", "帕梅拉", "HIIT", "普拉提", "马甲线", "核心",
};
static const char *const fitness_sentences[] = {
  "%x第%d天，%p是我的好帮手",
  "跑了%n公里，%p缓震很舒服",
  "%p口感不错，%x也能放心喝",
  "打卡%x，坚持就有马甲线",
};
static const char *const fitness_hashtags[] = {
  "健身", "减脂", "跑步", "瑜伽", "健身打卡", "自律",
};
static const char *const generic_products_en[] = { "find", "haul", "favourite" };
static const char *const generic_sentences_en[] = {
  "little %P of the week", "sharing my latest %P", "weekend %P in %c",
};
static const char *const generic_hashtags_en[] = { "lifestyle", "dailylife", "mood", "weekend" };

const KocDemoTopicWords koc_demo_topic_words[KOC_DEMO_N_TOPICS] = {
  { LIST (beauty_products), LIST (beauty_features), LIST (beauty_sentences), LIST (beauty_hashtags),
    LIST (beauty_products_en), LIST (beauty_sentences_en), LIST (beauty_hashtags_en) },
  { LIST (food_products), LIST (food_features), LIST (food_sentences), LIST (food_hashtags),
    LIST (food_products_en), LIST (food_sentences_en), LIST (food_hashtags_en) },
  { LIST (tech_products), LIST (tech_features), LIST (tech_sentences), LIST (tech_hashtags),
    LIST (tech_products_en), LIST (tech_sentences_en), LIST (tech_hashtags_en) },
  { LIST (life_products), LIST (life_features), LIST (life_sentences), LIST (life_hashtags),
    LIST (generic_products_en), LIST (generic_sentences_en), LIST (generic_hashtags_en) },
  { LIST (parenting_products), LIST (parenting_features), LIST (parenting_sentences),
    LIST (parenting_hashtags), LIST (generic_products_en), LIST (generic_sentences_en),
    LIST (generic_hashtags_en) },
  { LIST (fitness_products), LIST (fitness_features), LIST (fitness_sentences), LIST (fitness_hashtags),
    LIST (generic_products_en), LIST (generic_sentences_en), LIST (generic_hashtags_en) },
};

/* ---- shared fragments ---- */
static const char *const openers[] = {
  "姐妹们！", "家人们谁懂啊，", "救命！", "挖到宝了！", "真心分享，", "不吹不黑，",
  "终于等到了，", "吹爆！", "无广纯分享，", "今天来聊聊", "被问了800遍的", "谁懂！",
  "碎碎念：", "", "", "",
};
static const char *const verdicts[] = {
  "真的好用到哭", "绝绝子", "平替yyds", "回购无数次了", "好用不贵", "一般般吧，不会回购",
  "踩雷了，避雷", "性价比很高", "用完还会再买", "闭眼入不踩雷", "有点失望", "谁用谁知道",
  "这个价格很好用了", "值得一试", "好用！", "温和不刺激", "无限回购", "建议先试用小样",
  "真香", "夸爆", "不推荐", "中规中矩", "宝藏单品", "爱了爱了",
};
static const char *const closers[] = {
  "空瓶记打卡", "码住！", "冲鸭", "评论区告诉我你们的宝藏", "有问题评论区问我", "点赞收藏不迷路",
  "下期见", "求推荐同款", "觉得有用就收藏吧", "私信我链接", "", "",
};
static const char *const xhs_titles[] = {
  "%p天花板来了%e", "%n块钱的%p也太好用了吧%e", "%x姐妹看过来%e", "空瓶记｜%p篇%e",
  "%c%p探店合集%e", "%p红黑榜%e", "被低估的%p%e", "平替｜这款%p绝了%e", "%d天%p实测%e",
  "学生党%p清单%e",
};
static const char *const weibo_emoticons[] = {
  "[哈哈]", "[doge]", "[心]", "[赞]", "[泪]", "[允悲]", "[二哈]", "[吃瓜]", "[抱抱]",
  "[good]", "[笑cry]", "[爱你]", "[偷笑]", "[微笑]", "[酷]",
};
static const char *const emoji[] = {
  "✨", "💄", "🍵", "☕", "🔥", "💕", "😭", "🥰", "👍", "🌟", "📸", "🎧", "🍰", "💯", "🙌",
  "😍", "🤍", "🌸",
};
static const char *const douyin_captions[] = {
  "%p测评来了", "挑战%d天只用%p", "%c最火的%p，到底值不值", "一分钟教你选%p",
  "%p开箱", "%x真实体验", "沉浸式%p", "%p的正确打开方式",
};
static const char *const repost_comments[] = {
  "说得太对了", "马住", "同款！", "蹲一个链接", "我也想买", "转发给姐妹", "哈哈哈哈",
  "真的吗", "有被种草到", "已下单",
};
static const char *const en_openers[] = {
  "Okay I'm obsessed.", "PSA:", "Not sponsored, just love it.", "Quick review!",
  "Weekend vibes.", "New favourite alert!", "", "",
};
static const char *const en_closers[] = {
  "Link in bio.", "Would you try it?", "Let me know below!", "10/10 recommend.",
  "Save for later.", "",
};
static const char *const cities_zh[] = {
  "上海", "北京", "广州", "深圳", "成都", "杭州", "重庆", "武汉", "南京", "西安", "长沙",
  "苏州", "厦门", "青岛", "天津", "昆明",
};
static const char *const cities_en[] = {
  "Singapore", "Kuala Lumpur", "Tokyo", "Sydney", "London", "Vancouver", "Los Angeles",
};
static const char *const adjectives[] = {
  "清爽", "温和", "高级", "小众", "平价", "绝美", "实用", "耐用", "治愈", "惊艳",
};
static const char *const nick_prefix_zh[] = {
  "小鹿", "吃货", "糖糖", "橙子", "一只", "奶茶", "桃子", "阿May", "小鱼", "西瓜", "团子",
  "momo", "Lily", "芋圆", "年糕", "小熊", "可乐", "柚子", "喵喵", "土豆", "七七", "阿琳",
};
static const char *const nick_suffix_zh[] = {
  "爱护肤", "的日常", "酱", "在成都", "吃不胖", "不加糖", "说好物", "探店记", "爱数码",
  "的小屋", "今天也要美", "种草机", "是宝妈", "在健身", "爱咖啡", "不熬夜", "测评",
  "的碎碎念", "很忙", "Vlog",
};
static const char *const nick_ascii[] = {
  "xiaolu", "chihuo", "tangtang", "chengzi", "yizhi", "naicha", "taozi", "amay", "xiaoyu",
  "xigua", "tuanzi", "momo", "lily", "yuyuan", "niangao", "xiaoxiong", "kele", "youzi",
  "miaomiao", "tudou", "qiqi", "alin",
};
static const char *const en_first_names[] = {
  "Lily", "Mia", "Jason", "Kevin", "Coco", "Grace", "Ethan", "Chloe", "Ivy", "Ryan",
  "Zoe", "Leo", "Emma", "Nina", "Ben", "Ava", "Sophie", "Daniel",
};
static const char *const en_styles[] = {
  "%s's Daily", "%s Eats", "%s_Beauty", "%s Tech Talk", "%s.lifestyle", "Hey %s",
  "%s Travels", "Mama %s", "%s Runs",
};
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "林", "罗", "高",
};
static const char *const given_names[] = {
  "思琪", "雨婷", "晓雯", "佳怡", "子涵", "梦瑶", "欣然", "浩然", "宇航", "嘉豪", "婉清",
  "诗涵", "一鸣", "心怡", "家乐", "敏", "静", "磊", "娜", "婷",
};
static const char *const bios[] = {
  "%c | 热爱生活的普通人 | 只分享自己用过的", "%x星人，记录每一次种草和拔草",
  "坐标%c，工作日打工人，周末%p爱好者", "真实测评，不接硬广 %e", "%c宝妈，分享带娃好物",
  "合作请私信 📮", "一个爱%p的%c女孩", "数码发烧友 | %c", "记录生活 %e",
};
static const char *const bios_en[] = {
  "Based in %c. Sharing what I actually use.", "%P lover | %c", "Just a girl who likes %P %e",
  "Honest reviews only.",
};
static const char *const owners[] = {
  "陈佳 (Jia Chen)", "Tom Wu", "李晓彤", "Anna Zhang", "周宇",
};
static const char *const tags[] = {
  "高潜KOC", "回购达人", "宝妈", "学生党", "已合作", "优质内容", "高互动", "需跟进",
  "VIP客户", "上海", "一线城市", "品牌粉", "竞品用户", "已寄样", "大促必联",
};
static const char *const note_texts[] = {
  "很配合，内容质量高，下次大促优先联系。", "对%p很有研究，粉丝粘性强。",
  "回复较慢，建议提前两周沟通排期。", "之前自发晒单三次，品牌好感度高。",
  "Prefers English briefs; reliable deliveries.", "样品已签收，预计下周发布。",
  "粉丝以%c白领为主，适合新品首发。", "报价偏高，但互动真实。",
};
static const char *const interaction_texts[] = {
  "私信问候，介绍新品", "寄送样品", "电话沟通合作细节", "邀请参加线下活动",
  "确认发布时间", "发送推广码", "感谢分享，赠送积分", "跟进内容修改意见",
};
static const char *const campaign_themes[] = {
  "双11种草计划", "618大促", "新年礼盒", "春季新品首发", "夏日防晒季", "秋冬焕新",
  "校园大使", "城市探店节", "老客推荐有礼", "开学季", "520心动礼", "会员日",
};
static const char *const sku_names[] = {
  "体验装", "正装", "礼盒", "新品小样", "限量款", "联名款",
};

const KocDemoList koc_demo_openers = LIST (openers);
const KocDemoList koc_demo_verdicts = LIST (verdicts);
const KocDemoList koc_demo_closers = LIST (closers);
const KocDemoList koc_demo_xhs_titles = LIST (xhs_titles);
const KocDemoList koc_demo_weibo_emoticons = LIST (weibo_emoticons);
const KocDemoList koc_demo_emoji = LIST (emoji);
const KocDemoList koc_demo_douyin_captions = LIST (douyin_captions);
const KocDemoList koc_demo_repost_comments = LIST (repost_comments);
const KocDemoList koc_demo_en_openers = LIST (en_openers);
const KocDemoList koc_demo_en_closers = LIST (en_closers);
const KocDemoList koc_demo_cities_zh = LIST (cities_zh);
const KocDemoList koc_demo_cities_en = LIST (cities_en);
const KocDemoList koc_demo_adjectives = LIST (adjectives);
const KocDemoList koc_demo_nick_prefix_zh = LIST (nick_prefix_zh);
const KocDemoList koc_demo_nick_suffix_zh = LIST (nick_suffix_zh);
const KocDemoList koc_demo_nick_ascii = LIST (nick_ascii);
const KocDemoList koc_demo_en_first_names = LIST (en_first_names);
const KocDemoList koc_demo_en_styles = LIST (en_styles);
const KocDemoList koc_demo_surnames = LIST (surnames);
const KocDemoList koc_demo_given_names = LIST (given_names);
const KocDemoList koc_demo_bios = LIST (bios);
const KocDemoList koc_demo_bios_en = LIST (bios_en);
const KocDemoList koc_demo_owners = LIST (owners);
const KocDemoList koc_demo_tags = LIST (tags);
const KocDemoList koc_demo_note_texts = LIST (note_texts);
const KocDemoList koc_demo_interaction_texts = LIST (interaction_texts);
const KocDemoList koc_demo_campaign_themes = LIST (campaign_themes);
const KocDemoList koc_demo_sku_names = LIST (sku_names);
