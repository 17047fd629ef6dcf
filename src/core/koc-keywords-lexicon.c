/* koc-keywords-lexicon.c: the built-in domain lexicon and stopword lists of the keyword
 * extractor (koc-keywords.h). Users extend or override both per workspace.
 *
 * The lexicon holds the words of KOC marketing in China that ICU's dictionary splits
 * (面膜 → 面 + 膜, 种草 → 种 + 草) or that read better whole (小红书, 粉底液). The stopwords
 * are the function words, pronouns and fillers of Weibo/Xiaohongshu posts and of English
 * tweets: words that would otherwise top every cloud and say nothing.
 *
 * All entries are already NFKC case-folded (lower case ASCII).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-keywords.h"

static const char * const lexicon[] = {
  /* platforms and marketing */
  "小红书", "抖音", "哔哩哔哩", "b站", "淘宝", "天猫", "京东", "拼多多", "直播间",
  "种草", "拔草", "长草", "安利", "好物", "平替", "测评", "评测", "回购", "无限回购", "开箱",
  "空瓶", "空瓶记", "试色", "踩雷", "避雷", "宝藏", "性价比", "颜值", "up主", "博主", "达人",
  "探店", "打卡", "干货", "攻略", "合集", "同款", "新品", "首发", "限定", "联名", "礼盒",
  "优惠券", "满减", "秒杀", "预售", "双十一", "618", "种草机", "学生党", "打工人", "姐妹们",
  "闭眼入", "yyds", "绝绝子", "绝了", "爱了", "好用", "好看", "好吃", "好喝", "出片", "氛围感", "本命", "交作业", "踩坑",
  /* beauty */
  "面膜", "精华", "精华液", "精华油", "口红", "防晒", "防晒霜", "粉底液", "粉底", "眼霜",
  "卸妆油", "卸妆水", "洁面", "洗面奶", "爽肤水", "化妆水", "乳液", "面霜", "气垫", "眼影",
  "眼影盘", "腮红", "睫毛膏", "唇釉", "唇膏", "身体乳", "护手霜", "安瓶", "妆前乳", "散粉",
  "遮瑕", "高光", "修容", "眉笔", "眼线笔", "香水", "护肤", "美妆", "彩妆", "底妆", "持妆",
  "脱妆", "卡粉", "搓泥", "拔干", "控油", "补水", "保湿", "美白", "抗老", "抗初老", "敏感肌",
  "油皮", "干皮", "混油皮", "油痘肌", "痘痘", "闭口", "黑头", "毛孔", "泛红", "烟酰胺",
  "玻色因", "a醇", "视黄醇", "积雪草", "神经酰胺", "透明质酸", "玻尿酸", "水杨酸", "果酸",
  "胜肽", "角鲨烷", "虾青素", "依克多因", "二裂酵母", "早c晚a", "黄黑皮", "冷白皮", "熬夜脸",
  "哑光", "水光", "柔焦", "无香精", "烂脸", "上脸", "质地", "肤感",
  /* food and drink */
  "咖啡", "拿铁", "美式", "冰美式", "生椰拿铁", "冷萃", "手冲", "奶茶", "火锅", "可颂", "贝果",
  "蛋挞", "甜品", "面包", "烘焙", "烤肉", "小龙虾", "螺蛳粉", "芋泥", "抹茶", "早午餐",
  "耶加雪菲", "燕麦奶", "半糖", "去冰", "少冰", "锅底", "毛肚", "鸭血", "酸种", "碱水",
  "开心果", "海盐芝士", "杨枝甘露", "隐藏菜单", "外卖", "口感", "甜度",
  /* tech */
  "手机", "耳机", "降噪耳机", "平板", "相机", "运动相机", "智能手表", "充电宝", "键盘", "鼠标",
  "音箱", "笔记本", "投影仪", "手环", "降噪", "续航", "快充", "影像", "夜景模式", "高刷屏",
  "防抖", "人像模式", "长焦", "潜望长焦", "空间音频", "低延迟", "无线充", "屏幕", "芯片",
  "手感", "发热", "固件", "数码", "桌搭",
  /* life */
  "香薰", "帆布包", "手账", "绿植", "收纳盒", "四件套", "保温杯", "穿搭", "露营", "极简风",
  "奶油风", "出租屋", "断舍离", "纸尿裤", "辅食", "奶瓶", "绘本", "安全座椅", "健身", "减脂",
  "瑜伽", "跑步", "蛋白粉", "新冠", "疫情", "口罩", "武汉", "加油",
  NULL
};

static const char * const stopwords[] = {
  /* zh: function words, pronouns, fillers, Weibo boilerplate */
  "的", "了", "是", "我", "你", "他", "她", "它", "们", "在", "有", "和", "与", "及", "或",
  "就", "都", "也", "还", "又", "再", "很", "太", "最", "更", "不", "没", "被", "把", "给",
  "让", "对", "从", "到", "上", "下", "里", "中", "个", "这", "那", "吧", "吗", "呢", "啊",
  "哦", "嗯", "呀", "啦", "哈", "么", "着", "过", "会", "能", "要", "想", "说", "去", "来",
  "看", "得", "地", "之", "而", "但", "并", "且", "以", "于", "为", "所", "其", "此", "如",
  "若", "则", "即", "等", "啥", "咋", "嘛", "呗", "喔", "哇", "噢", "诶", "哎", "唉",
  "我们", "你们", "他们", "她们", "它们", "咱们", "自己", "大家", "别人", "人家", "这个",
  "那个", "这些", "那些", "这样", "那样", "这么", "那么", "这里", "那里", "哪里", "什么",
  "怎么", "怎样", "为什么", "为啥", "如何", "哪个", "一个", "一下", "一些", "一点", "一样",
  "一直", "一起", "一定", "一次", "一种", "没有", "不是", "就是", "还是", "但是", "可是",
  "而且", "并且", "所以", "因为", "如果", "虽然", "不过", "然后", "只是", "只有", "已经",
  "现在", "今天", "明天", "昨天", "时候", "觉得", "知道", "还有", "可以", "可能", "应该",
  "需要", "不要", "不会", "不能", "真的", "其实", "非常", "特别", "比较", "有点", "起来",
  "出来", "之前", "以后", "之后", "以前", "东西", "事情", "地方", "时间", "感觉", "看到",
  "看看", "的话", "一天", "这种", "那种", "每天", "而已", "罢了", "哈哈", "哈哈哈",
  "哈哈哈哈", "呵呵", "嘿嘿", "嘻嘻", "啊啊", "啊啊啊", "转发", "微博", "转发微博", "回复",
  "分享", "网页链接", "图片", "视频", "全文", "展开", "秒拍", "视频的", "我的", "你的",
  "他的", "她的", "不了", "了吧", "就好", "好的", "是的", "对的", "么么", "还要", "只能",
  "不用", "开始", "终于", "继续", "马上", "希望", "谢谢", "真是", "这是", "那是", "就是说",
  "是不是", "是不", "有没有", "所有", "很多", "太多", "好多", "那么多", "这么多", "多少", "怎么办", "之一",
  /* en */
  "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at",
  "by", "for", "with", "from", "as", "into", "about", "than", "too", "very", "is", "am",
  "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did",
  "doing", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
  "i", "me", "my", "mine", "we", "us", "our", "you", "your", "yours", "he", "him", "his",
  "she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those",
  "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "all", "any",
  "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
  "only", "own", "same", "just", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
  "can't", "won't", "i'm", "it's", "you're", "i've", "that's", "there", "here", "up",
  "down", "out", "over", "under", "again", "once", "also", "get", "got", "one", "now",
  "via", "rt", "amp", "http", "https", "www", "com", "co", "im", "u", "ur", "lol", "oh",
  "yes", "yeah", "ok", "really", "much", "many", "like", "let", "let's", "new", "today",
  "okay", "know", "try", "tried", "lately", "later", "little", "find", "make", "made",
  "going", "thing", "things", "way", "well", "still", "even", "back", "ever", "never",
  "always", "omg", "honestly", "literally", "actually", "finally", "pretty", "bit", "lot",
  "below", "above", "after", "before", "while", "until", "through", "every",
  NULL
};

/* A small sentiment lexicon for an *estimate* of net sentiment: words whose polarity does
 * not depend much on context in product talk. */
static const char * const positive[] = {
  "好用", "好看", "好吃", "好喝", "喜欢", "推荐", "回购", "无限回购", "惊喜", "绝了", "爱了",
  "闭眼入", "种草", "宝藏", "满意", "值得", "划算", "性价比", "yyds", "绝绝子", "本命", "舒服",
  "温和", "水润", "清爽", "持妆", "显白", "惊艳", "安利", "开心", "感谢", "加油",
  "love", "great", "amazing", "obsessed", "recommend", "favourite", "favorite", "perfect",
  "best", "glowing", "worth", "repurchased", "awesome", "excellent",
  NULL
};
static const char * const negative[] = {
  "踩雷", "避雷", "拔草", "失望", "难用", "难吃", "难看", "过敏", "烂脸", "搓泥", "拔干", "卡粉",
  "脱妆", "假白", "闷痘", "刺痛", "翻车", "智商税", "鸡肋", "后悔", "退货", "差评", "不值",
  "拉胯", "发热", "卡顿", "坑", "垃圾", "可怕", "恐怖", "担心", "害怕",
  "bad", "worst", "disappointed", "disappointing", "overhyped", "overpriced", "returning",
  "broke", "broken", "terrible", "awful", "hate", "waste",
  NULL
};

int
koc_keywords_polarity (const char *keyword)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; positive[i] != NULL; i++)
        g_hash_table_insert (t, (gpointer) positive[i], GINT_TO_POINTER (1));
      for (guint i = 0; negative[i] != NULL; i++)
        g_hash_table_insert (t, (gpointer) negative[i], GINT_TO_POINTER (-1));
      g_once_init_leave (&table, t);
    }
  return keyword != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (table, keyword)) : 0;
}

double
koc_keywords_net_sentiment (GPtrArray *keywords,
                            gint64    *positive_posts,
                            gint64    *negative_posts)
{
  gint64 pos = 0, neg = 0;

  for (guint i = 0; keywords != NULL && i < keywords->len; i++)
    {
      const KocKeyword *k = g_ptr_array_index (keywords, i);
      int polarity = koc_keywords_polarity (k->keyword);

      if (polarity > 0)
        pos += k->count;
      else if (polarity < 0)
        neg += k->count;
    }
  if (positive_posts != NULL)
    *positive_posts = pos;
  if (negative_posts != NULL)
    *negative_posts = neg;
  return pos + neg > 0 ? (double) (pos - neg) / (double) (pos + neg) : 0;
}

const char * const *
koc_keywords_builtin_lexicon (void)
{
  return lexicon;
}

const char * const *
koc_keywords_builtin_stopwords (void)
{
  return stopwords;
}
