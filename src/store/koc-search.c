/* koc-search.c: Discover queries (accounts, posts, people) over FTS5 + filters.
 *
 * The plan, and why (numbers from PLATFORM.md §4 and tests/bench/bench-query.c):
 * bm25 ranking must score every hit, so `ORDER BY rank` over a term in 19 % of 1M rows
 * took 0.5 s. FTS5 can however walk a MATCH in rowid order and stop after LIMIT rows
 * without scoring anything, and post rowids are (roughly) chronological because posts
 * are stored in publication order. So:
 *
 *  - Posts: `ORDER BY rowid DESC LIMIT n` (newest first) always costs about the same,
 *    however common the term. Relevance order (bm25) is used only when a bounded count
 *    (`SELECT count(*) FROM (… MATCH … LIMIT RANK_MAX_HITS + 1)`, which stops early)
 *    shows at most RANK_MAX_HITS hits, where scoring them all costs a few ms.
 *  - Accounts (Discover): a text matches an account through its handle/name/bio
 *    (accounts_fts), its person (people_fts) or its posts. The post part takes the
 *    POST_CANDIDATES newest matching posts (rowid DESC again: no scoring), groups them
 *    by account — "who posted about it recently, and how often" — and then applies the
 *    account filters and the requested sort to that bounded candidate set. For rare
 *    terms (fewer hits than POST_CANDIDATES) this is exact; for very common terms an
 *    account whose matching posts are all older than the newest POST_CANDIDATES hits
 *    is not listed, which is the price of a bounded plan (stated in the UI as "recent
 *    posts"). Name/bio matches count RELEVANCE_NAME each, a matching post 1.
 *  - Snippets are computed over the LIMITed page only, walking each FTS table once.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-search"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-fts.h"
#include "koc-search.h"

#define DEFAULT_LIMIT    50
#define MAX_LIMIT        1000
#define POST_CANDIDATES  5000
#define NAME_CANDIDATES  2000
#define RANK_MAX_HITS    2000
#define RELEVANCE_NAME   "20.0"

#define SNIPPET_ARGS "char(2), char(3), '…', 14"

typedef struct
{
  int     type; /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT */
  gint64  i;
  double  d;
  char   *s;
} Arg;

struct _KocSearchSql
{
  GString *text;
  GArray  *args;
};

static void
arg_clear (Arg *arg)
{
  g_free (arg->s);
}

static KocSearchSql *
sql_new (void)
{
  KocSearchSql *sql = g_new0 (KocSearchSql, 1);

  sql->text = g_string_new (NULL);
  sql->args = g_array_new (FALSE, TRUE, sizeof (Arg));
  g_array_set_clear_func (sql->args, (GDestroyNotify)arg_clear);
  return sql;
}

void
koc_search_sql_free (KocSearchSql *sql)
{
  if (sql == NULL)
    return;
  g_string_free (sql->text, TRUE);
  g_array_unref (sql->args);
  g_free (sql);
}

const char *
koc_search_sql_get_text (KocSearchSql *sql)
{
  return sql->text->str;
}

/* Adds a parameter and returns its number for "?N". */
static guint
add_arg (KocSearchSql *sql,
         int           type,
         gint64        i,
         double        d,
         const char   *s)
{
  Arg arg = { type, i, d, g_strdup (s) };

  g_array_append_val (sql->args, arg);
  return sql->args->len;
}

#define add_text(sql, value)   add_arg (sql, SQLITE_TEXT, 0, 0, value)
#define add_int(sql, value)    add_arg (sql, SQLITE_INTEGER, value, 0, NULL)
#define add_double(sql, value) add_arg (sql, SQLITE_FLOAT, 0, value, NULL)

void
koc_search_sql_bind (KocSearchSql *sql,
                     sqlite3_stmt *stmt)
{
  for (guint i = 0; i < sql->args->len; i++)
    {
      const Arg *arg = &g_array_index (sql->args, Arg, i);

      if (arg->type == SQLITE_TEXT)
        sqlite3_bind_text (stmt, i + 1, arg->s, -1, SQLITE_TRANSIENT);
      else if (arg->type == SQLITE_FLOAT)
        sqlite3_bind_double (stmt, i + 1, arg->d);
      else
        sqlite3_bind_int64 (stmt, i + 1, arg->i);
    }
}

/* "AND col IN (?a, ?b)" for a NULL-terminated list. */
static void
add_in (KocSearchSql *sql,
        const char   *column,
        char        **values)
{
  if (values == NULL || values[0] == NULL)
    return;

  g_string_append_printf (sql->text, " AND %s IN (", column);
  for (guint i = 0; values[i] != NULL; i++)
    g_string_append_printf (sql->text, "%s?%u", i ? ", " : "", add_text (sql, values[i]));
  g_string_append (sql->text, ")");
}

static void
add_eq (KocSearchSql *sql,
        const char   *column,
        const char   *value)
{
  if (value != NULL && value[0] != '\0')
    g_string_append_printf (sql->text, " AND %s = ?%u", column, add_text (sql, value));
}

/* The SQL below spells KOC_SENTIMENT_THRESHOLD (0.2) out; keep them equal. */

/* account_brands keeps a sum and a count of the sentiment of each account's posts that
 * mention each brand (triggers in koc-schema-discover.c): the filter is one index range. */
static void
add_sentiment (KocSearchSql         *sql,
               const KocSearchQuery *query,
               guint                 brand)
{
  g_autofree char *brand_expr = NULL;
  const char *test;

#define AVG "sum (sentiment_sum) / sum (sentiment_n)"
  switch (query->sentiment)
    {
    case KOC_SENTIMENT_POSITIVE: test = AVG " >= 0.2"; break;
    case KOC_SENTIMENT_NEGATIVE: test = AVG " <= -0.2"; break;
    case KOC_SENTIMENT_NEUTRAL:  test = AVG " > -0.2 AND " AVG " < 0.2"; break;
    case KOC_SENTIMENT_ANY:
    default:
      return;
    }
#undef AVG
  /* Without a brand: the own brands together (a workspace may have several). */
  brand_expr = brand > 0 ? g_strdup_printf ("= ?%u", brand)
                         : g_strdup ("IN (SELECT id FROM brands WHERE is_own = 1)");
  g_string_append_printf (sql->text, " AND a.id IN (SELECT account_id FROM account_brands"
                          " WHERE brand_id %s GROUP BY account_id HAVING sum (sentiment_n) > 0"
                          " AND %s)", brand_expr, test);
}

static void
add_tags (KocSearchSql  *sql,
          char         **tags)
{
  if (tags == NULL || tags[0] == NULL)
    return;

  g_string_append (sql->text, " AND a.person_id IN (SELECT pt.person_id FROM person_tags pt"
                              " JOIN tags t ON t.id = pt.tag_id WHERE t.name IN (");
  for (guint i = 0; tags[i] != NULL; i++)
    g_string_append_printf (sql->text, "%s?%u", i ? ", " : "", add_text (sql, tags[i]));
  g_string_append (sql->text, "))");
}

static guint
page_limit (const KocSearchQuery *query)
{
  if (query->limit == 0)
    return DEFAULT_LIMIT;
  return MIN (query->limit, MAX_LIMIT);
}

static char *
build_match (const KocSearchQuery *query,
             gboolean             *has_text)
{
  *has_text = FALSE;
  for (const char *p = query->text; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        {
          *has_text = TRUE;
          break;
        }
    }
  if (!*has_text)
    return NULL;
  return koc_fts_build_match (query->text);
}

/* @count: the statement counts every row the query has (no sort, no page, no snippets)
 * instead of returning one page. */
static KocSearchSql *
accounts_sql (const KocSearchQuery *query,
              gboolean              count)
{
  g_autofree char *match = NULL;
  g_autofree char *mentions = NULL;
  g_autofree char *order = NULL;
  g_autofree char *key = NULL;
  KocSearchSql *sql;
  const char *dir = query->ascending ? "ASC" : "DESC";
  const char *engagement;
  gboolean has_text;
  guint brand = 0;
  guint m = 0;

  match = build_match (query, &has_text);
  if (has_text && match == NULL)
    return NULL;

  sql = sql_new ();
  if (match != NULL)
    m = add_text (sql, match);
  if (query->brand_id > 0)
    {
      brand = add_int (sql, query->brand_id);
      mentions = g_strdup_printf ("coalesce ((SELECT mentions FROM account_brands ab"
                                  " WHERE ab.account_id = a.id AND ab.brand_id = ?%u), 0)", brand);
    }
  else
    {
      mentions = g_strdup ("a.mention_count");
    }

  switch (query->engagement)
    {
    case KOC_ENGAGEMENT_BY_VIEWS:     engagement = "a.engagement_by_views"; break;
    case KOC_ENGAGEMENT_INTERACTIONS: engagement = "a.interactions_per_post"; break;
    case KOC_ENGAGEMENT_BY_FOLLOWERS:
    default:                          engagement = "a.engagement_rate"; break;
    }

  /* No result-column aliases: the order is also used in a window definition. */
  switch (query->sort)
    {
    case KOC_SEARCH_SORT_FOLLOWERS:  order = g_strdup ("a.followers"); break;
    case KOC_SEARCH_SORT_ENGAGEMENT: order = g_strdup (engagement); break;
    case KOC_SEARCH_SORT_SCORE:      order = g_strdup ("pe.koc_score"); break;
    case KOC_SEARCH_SORT_LAST_POST:  order = g_strdup ("a.last_post_at"); break;
    case KOC_SEARCH_SORT_MENTIONS:   order = g_strdup (mentions); break;
    case KOC_SEARCH_SORT_NAME:
      order = g_strdup ("coalesce (pe.display_name, a.display_name, a.handle) COLLATE NOCASE");
      break;
    case KOC_SEARCH_SORT_RELEVANCE:
    default:
      order = g_strdup (match != NULL ? "c.relevance" : "a.followers");
      break;
    }
  key = g_steal_pointer (&order);
  order = g_strdup_printf ("%s %s, a.id %s", key, dir, dir);

  if (match != NULL)
    g_string_append_printf (sql->text,
      "WITH post_hits (account_id, n, last_post) AS ("
      " SELECT p.account_id, count(*), max(p.id)"
      " FROM (SELECT rowid AS rid FROM posts_fts WHERE posts_fts MATCH ?%u"
      "       ORDER BY rowid DESC LIMIT %d) h"
      " JOIN posts p ON p.id = h.rid GROUP BY p.account_id),"
      " name_hits (account_id) AS ("
      " SELECT * FROM (SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH ?%u LIMIT %d)"
      " UNION SELECT * FROM (SELECT a.id FROM people_fts f JOIN accounts a"
      "  ON a.person_id = f.rowid WHERE people_fts MATCH ?%u LIMIT %d)),"
      " cand (account_id, relevance, last_post) AS ("
      " SELECT account_id, sum(w), max(last_post) FROM ("
      "  SELECT account_id, n AS w, last_post FROM post_hits"
      "  UNION ALL SELECT account_id, " RELEVANCE_NAME ", NULL FROM name_hits)"
      " GROUP BY account_id)%s",
      m, POST_CANDIDATES, m, NAME_CANDIDATES, m, NAME_CANDIDATES,
      count ? " SELECT count(*)" : ", page AS MATERIALIZED (");
  else
    g_string_append (sql->text, count ? "SELECT count(*)" : "SELECT r.*, NULL FROM (");

  if (count)
    g_string_append (sql->text, match != NULL ? " FROM cand c JOIN accounts a ON a.id = c.account_id"
                                              : " FROM accounts a");
  else
    g_string_append_printf (sql->text,
    "SELECT a.id AS id, coalesce (a.person_id, 0), coalesce (pe.display_name,"
    " a.display_name, a.handle), a.handle, a.platform, a.followers,"
    " coalesce (%s, -1), a.tier, coalesce (pe.koc_score, -1), pe.stage,"
    " pe.owner, coalesce (a.region, pe.region), coalesce (a.category, pe.category),"
    " coalesce (a.last_post_at, 0), %s, ", engagement, mentions);

  if (count)
    ;
  else if (match != NULL)
    g_string_append_printf (sql->text, "c.relevance, coalesce (c.last_post, 0) AS last_post,"
                            " row_number () OVER (ORDER BY %s) AS pos"
                            " FROM cand c JOIN accounts a ON a.id = c.account_id", order);
  else
    g_string_append (sql->text, "0.0, 0 FROM accounts a");

  /* An inner join lets SQLite walk people_score (or stop early) instead of sorting
   * every account: 49 ms → 1 ms for "top scores in a category" at 100k accounts. So
   * sorting by KOC score, like a stage or owner filter, lists accounts of people only. */
  if (count && !(query->stage && *query->stage) && !(query->owner && *query->owner) &&
      !(query->region && *query->region) && !(query->category && *query->category))
    /* Counting reads nothing of the person: accounts of people are those with a
     * person_id (a foreign key), counted on the accounts_person index without a lookup
     * per account (48 → 1.3 ms at 100k accounts: the start-up count). */
    g_string_append (sql->text, query->sort == KOC_SEARCH_SORT_SCORE
                                ? " WHERE a.person_id IS NOT NULL" : " WHERE 1");
  else if (query->sort == KOC_SEARCH_SORT_SCORE || (query->stage && *query->stage) ||
           (query->owner && *query->owner))
    g_string_append (sql->text, " JOIN people pe ON pe.id = a.person_id WHERE 1");
  else
    g_string_append (sql->text, " LEFT JOIN people pe ON pe.id = a.person_id WHERE 1");

  add_in (sql, "a.platform", query->platforms);
  add_in (sql, "a.tier", query->tiers);
  if (query->min_followers >= 0)
    g_string_append_printf (sql->text, " AND a.followers >= ?%u", add_int (sql, query->min_followers));
  if (query->max_followers >= 0)
    g_string_append_printf (sql->text, " AND a.followers <= ?%u", add_int (sql, query->max_followers));
  if (query->min_engagement >= 0)
    g_string_append_printf (sql->text, " AND a.engagement_rate >= ?%u",
                            add_double (sql, query->min_engagement));
  if (query->max_engagement >= 0)
    g_string_append_printf (sql->text, " AND a.engagement_rate <= ?%u",
                            add_double (sql, query->max_engagement));
  add_eq (sql, "coalesce (a.region, pe.region)", query->region);
  add_eq (sql, "coalesce (a.category, pe.category)", query->category);
  add_eq (sql, "pe.stage", query->stage);
  add_eq (sql, "pe.owner", query->owner);
  if (brand > 0)
    g_string_append_printf (sql->text, " AND a.id IN (SELECT account_id FROM account_brands"
                            " WHERE brand_id = ?%u AND mentions > 0)", brand);
  if (query->active_since > 0)
    g_string_append_printf (sql->text, " AND a.last_post_at >= ?%u", add_int (sql, query->active_since));
  add_sentiment (sql, query, brand);
  add_tags (sql, query->tags);

  if (count)
    return sql;

  g_string_append_printf (sql->text, " ORDER BY %s LIMIT ?%u OFFSET ?%u)", order,
                          add_int (sql, page_limit (query)), add_int (sql, query->offset));

  if (match == NULL)
    {
      g_string_append (sql->text, " r");
      return sql;
    }

  /* Snippets for the page only, each table walked once: a correlated
   * `MATCH … AND rowid = ?` per row seeks the doclists again for every row (20 ms
   * for 50 rows of a common term at 2M posts; this is 4 ms). The matching posts of the
   * page are among the POST_CANDIDATES newest hits, so the walk is bounded; `+rowid`
   * keeps SQLite from turning the IN into one seek per value. */
  g_string_append_printf (sql->text,
    ", post_snippets (post_id, snippet) AS ("
    " SELECT rowid, snippet (posts_fts, 0, " SNIPPET_ARGS ") FROM posts_fts"
    " WHERE posts_fts MATCH ?%u"
    " AND rowid >= (SELECT min (last_post) FROM page WHERE last_post > 0)"
    " AND +rowid IN (SELECT last_post FROM page)),"
    " account_snippets (account_id, snippet) AS ("
    " SELECT rowid, snippet (accounts_fts, -1, " SNIPPET_ARGS ") FROM accounts_fts"
    " WHERE accounts_fts MATCH ?%u AND +rowid IN (SELECT id FROM page))"
    " SELECT page.*, coalesce (acs.snippet, ps.snippet) FROM page"
    " LEFT JOIN account_snippets acs ON acs.account_id = page.id"
    " LEFT JOIN post_snippets ps ON ps.post_id = page.last_post"
    " ORDER BY page.pos", m, m);
  return sql;
}

KocSearchSql *
koc_search_sql_new_accounts (const KocSearchQuery *query)
{
  return accounts_sql (query, FALSE);
}

gint64
koc_search_count_accounts (sqlite3               *db,
                           const KocSearchQuery  *query,
                           GError               **error)
{
  g_autoptr(KocSearchSql) sql = accounts_sql (query, TRUE);
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;
  int rc;

  if (sql == NULL)
    return 0; /* text without searchable words: nothing matches */

  rc = sqlite3_prepare_v2 (db, sql->text->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      koc_search_sql_bind (sql, stmt);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        count = sqlite3_column_int64 (stmt, 0);
    }
  if (count < 0)
    koc_db_set_error (db, rc, _("Search failed"), error);
  sqlite3_finalize (stmt);
  return count;
}

/* Hits of @match in @fts, counting at most @max + 1 (stops early). */
static gboolean
bounded_count (sqlite3     *db,
               const char  *fts,
               const char  *match,
               int          max,
               gint64      *count,
               GError     **error)
{
  g_autofree char *text = g_strdup_printf ("SELECT count(*) FROM (SELECT rowid FROM %s"
                                           " WHERE %s MATCH ?1 LIMIT ?2)", fts, fts);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, text, &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, max + 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return koc_db_set_error (db, rc, _("Search failed"), error);
  return TRUE;
}

KocSearchSql *
koc_search_sql_new_posts (sqlite3               *db,
                          const KocSearchQuery  *query,
                          GError               **error)
{
  g_autofree char *match = NULL;
  KocSearchSql *sql;
  gboolean has_text;
  gboolean by_rank = FALSE;
  guint m;

  match = build_match (query, &has_text);
  if (match == NULL)
    return NULL;

  if (query->sort == KOC_SEARCH_SORT_RELEVANCE)
    {
      gint64 hits = 0;

      if (!bounded_count (db, "posts_fts", match, RANK_MAX_HITS, &hits, error))
        return NULL;
      by_rank = hits <= RANK_MAX_HITS;
    }

  sql = sql_new ();
  m = add_text (sql, match);
  g_string_append_printf (sql->text,
    "SELECT p.id, p.account_id, a.handle, a.platform, coalesce (a.display_name, a.handle),"
    " p.published_at, p.kind, p.url, p.likes, p.comments, p.shares, p.saves, p.views,"
    " snippet (posts_fts, 0, " SNIPPET_ARGS ")"
    " FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid"
    " JOIN accounts a ON a.id = p.account_id"
    " WHERE posts_fts MATCH ?%u", m);
  add_in (sql, "a.platform", query->platforms);
  if (query->active_since > 0)
    g_string_append_printf (sql->text, " AND p.published_at >= ?%u", add_int (sql, query->active_since));
  if (query->brand_id > 0)
    g_string_append_printf (sql->text, " AND EXISTS (SELECT 1 FROM post_mentions pm"
                            " WHERE pm.post_id = p.id AND pm.brand_id = ?%u)",
                            add_int (sql, query->brand_id));

  g_string_append_printf (sql->text, " ORDER BY %s LIMIT ?%u OFFSET ?%u",
                          by_rank ? "posts_fts.rank"
                                  : (query->ascending ? "posts_fts.rowid ASC"
                                                      : "posts_fts.rowid DESC"),
                          add_int (sql, page_limit (query)), add_int (sql, query->offset));
  return sql;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *)sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup (text) : NULL;
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

static GPtrArray *
run_sql (sqlite3        *db,
         KocSearchSql   *sql,
         RowFunc         row_func,
         GDestroyNotify  free_func,
         GError        **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (free_func);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sql == NULL)
    return g_steal_pointer (&hits);

  if (!koc_db_prepare (db, sql->text->str, &stmt, error))
    return NULL;
  koc_search_sql_bind (sql, stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (hits, row_func (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Search failed"), error);
      return NULL;
    }

  return g_steal_pointer (&hits);
}

static gpointer
account_from_row (sqlite3_stmt *stmt)
{
  KocAccountHit *hit = g_new0 (KocAccountHit, 1);

  hit->account_id = sqlite3_column_int64 (stmt, 0);
  hit->person_id = sqlite3_column_int64 (stmt, 1);
  hit->display_name = column_dup (stmt, 2);
  hit->handle = column_dup (stmt, 3);
  hit->platform = column_dup (stmt, 4);
  hit->followers = sqlite3_column_int64 (stmt, 5);
  hit->engagement_rate = sqlite3_column_double (stmt, 6);
  hit->tier = column_dup (stmt, 7);
  hit->koc_score = sqlite3_column_double (stmt, 8);
  hit->stage = column_dup (stmt, 9);
  hit->owner = column_dup (stmt, 10);
  hit->region = column_dup (stmt, 11);
  hit->category = column_dup (stmt, 12);
  hit->last_post_at = sqlite3_column_int64 (stmt, 13);
  hit->mention_count = sqlite3_column_int64 (stmt, 14);
  hit->relevance = sqlite3_column_double (stmt, 15);
  hit->matched_post_id = sqlite3_column_int64 (stmt, 16);
  /* Last column: the text variant has a "pos" column before it. */
  hit->snippet = column_dup (stmt, sqlite3_column_count (stmt) - 1);
  return hit;
}

static gpointer
post_from_row (sqlite3_stmt *stmt)
{
  KocPostHit *hit = g_new0 (KocPostHit, 1);

  hit->post_id = sqlite3_column_int64 (stmt, 0);
  hit->account_id = sqlite3_column_int64 (stmt, 1);
  hit->handle = column_dup (stmt, 2);
  hit->platform = column_dup (stmt, 3);
  hit->display_name = column_dup (stmt, 4);
  hit->published_at = sqlite3_column_int64 (stmt, 5);
  hit->kind = column_dup (stmt, 6);
  hit->url = column_dup (stmt, 7);
  hit->likes = sqlite3_column_int64 (stmt, 8);
  hit->comments = sqlite3_column_int64 (stmt, 9);
  hit->shares = sqlite3_column_int64 (stmt, 10);
  hit->saves = sqlite3_column_int64 (stmt, 11);
  hit->views = sqlite3_column_int64 (stmt, 12);
  hit->snippet = column_dup (stmt, 13);
  return hit;
}

static gpointer
person_from_row (sqlite3_stmt *stmt)
{
  KocPersonHit *hit = g_new0 (KocPersonHit, 1);

  hit->person_id = sqlite3_column_int64 (stmt, 0);
  hit->display_name = column_dup (stmt, 1);
  hit->stage = column_dup (stmt, 2);
  hit->owner = column_dup (stmt, 3);
  hit->region = column_dup (stmt, 4);
  hit->category = column_dup (stmt, 5);
  hit->koc_score = sqlite3_column_double (stmt, 6);
  hit->n_accounts = sqlite3_column_int64 (stmt, 7);
  hit->snippet = column_dup (stmt, 8);
  return hit;
}

GPtrArray *
koc_search_accounts (sqlite3               *db,
                     const KocSearchQuery  *query,
                     GError               **error)
{
  g_autoptr(KocSearchSql) sql = NULL;
  GPtrArray *hits;

  g_return_val_if_fail (db != NULL && query != NULL, NULL);

  sql = koc_search_sql_new_accounts (query);
  hits = run_sql (db, sql, account_from_row, (GDestroyNotify)koc_account_hit_free, error);
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    ((KocAccountHit *) hits->pdata[i])->engagement_variant = query->engagement;
  return hits;
}

GPtrArray *
koc_search_posts (sqlite3               *db,
                  const KocSearchQuery  *query,
                  GError               **error)
{
  g_autoptr(KocSearchSql) sql = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (db != NULL && query != NULL, NULL);

  sql = koc_search_sql_new_posts (db, query, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return run_sql (db, sql, post_from_row, (GDestroyNotify)koc_post_hit_free, error);
}

GPtrArray *
koc_search_people (sqlite3               *db,
                   const KocSearchQuery  *query,
                   GError               **error)
{
  g_autoptr(KocSearchSql) sql = NULL;
  g_autofree char *match = NULL;
  gboolean has_text;
  gint64 hits = 0;
  guint m;

  g_return_val_if_fail (db != NULL && query != NULL, NULL);

  if ((match = build_match (query, &has_text)) == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify)koc_person_hit_free);

  if (!bounded_count (db, "people_fts", match, RANK_MAX_HITS, &hits, error))
    return NULL;

  sql = sql_new ();
  m = add_text (sql, match);
  g_string_append_printf (sql->text,
    "SELECT pe.id, pe.display_name, pe.stage, pe.owner, pe.region, pe.category,"
    " coalesce (pe.koc_score, -1), (SELECT count(*) FROM accounts WHERE person_id = pe.id),"
    " snippet (people_fts, -1, " SNIPPET_ARGS ")"
    " FROM people_fts JOIN people pe ON pe.id = people_fts.rowid"
    " WHERE people_fts MATCH ?%u", m);
  add_eq (sql, "pe.stage", query->stage);
  add_eq (sql, "pe.owner", query->owner);
  add_eq (sql, "pe.region", query->region);
  add_eq (sql, "pe.category", query->category);
  g_string_append_printf (sql->text, " ORDER BY %s LIMIT ?%u OFFSET ?%u",
                          hits <= RANK_MAX_HITS ? "people_fts.rank" : "people_fts.rowid DESC",
                          add_int (sql, page_limit (query)), add_int (sql, query->offset));

  return run_sql (db, sql, person_from_row, (GDestroyNotify)koc_person_hit_free, error);
}
