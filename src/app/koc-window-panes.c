/* koc-window-panes.c: which pane gets the open workspace, and when.
 *
 * At start-up only the visible pane gets the workspace (koc_*_pane_set_store()); a
 * hidden pane gets it the first time it is shown. The store has one worker, so the
 * visible pane's first page no longer waits behind the other panes' lists, board and
 * keyword catch-up, and hidden panes build no rows on the UI thread before the first
 * frame (at scale 1 the hidden People list and Campaigns board cost ~0.35 s of the UI
 * thread before Discover's first page was painted).
 *
 * People, Keywords and Campaigns are not even built until first shown: the window
 * template has an empty AdwBin as their page, and the pane is created into it (their
 * widgets cost ~30 ms of start-up before the first frame, and memory).
 *
 * Every way into a pane changes the view stack's visible child first (the switcher,
 * win.show-pane and its Alt+N accelerators, win.show-person, Ctrl+F for Discover,
 * the restored "visible-pane" setting), so one notify handler builds and loads a pane
 * before anything asks it for data: win.show-person shows People, which then exists
 * and has the store, and opens the person.
 *
 * panes_loaded has a bit per pane that has the open store. A newly opened workspace
 * clears it (koc-window-workspaces.c): the hidden panes drop the old workspace at once
 * and read the new one when shown. The same workspace opened again (after an import)
 * goes to every pane that has it, as before. A sync reloads the panes that have it;
 * the others read the synced rows when first shown.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-window"

#include "config.h"

#include "koc-window-private.h"

typedef enum
{
  PANE_DISCOVER,
  PANE_PEOPLE,
  PANE_KEYWORDS,
  PANE_CAMPAIGNS,
  N_PANES
} KocWindowPane;

/* The view stack's child for @pane: the pane, or the page it is built into. */
static GtkWidget *
page_widget (KocWindow     *self,
             KocWindowPane  pane)
{
  switch (pane)
    {
    case PANE_DISCOVER:
      return GTK_WIDGET (self->discover_pane);
    case PANE_PEOPLE:
      return GTK_WIDGET (self->people_page);
    case PANE_KEYWORDS:
      return GTK_WIDGET (self->keywords_page);
    case PANE_CAMPAIGNS:
      return GTK_WIDGET (self->campaigns_page);
    case N_PANES:
    default:
      g_assert_not_reached ();
    }
}

static gpointer
build_into (AdwBin *page,
            GType   type)
{
  GtkWidget *pane = g_object_new (type, NULL);

  adw_bin_set_child (page, pane);
  return pane;
}

static void
ensure_pane (KocWindow     *self,
             KocWindowPane  pane)
{
  if (pane == PANE_PEOPLE && self->people_pane == NULL)
    self->people_pane = build_into (self->people_page, KOC_TYPE_PEOPLE_PANE);
  else if (pane == PANE_KEYWORDS && self->keywords_pane == NULL)
    self->keywords_pane = build_into (self->keywords_page, KOC_TYPE_KEYWORDS_PANE);
  else if (pane == PANE_CAMPAIGNS && self->campaigns_pane == NULL)
    self->campaigns_pane = build_into (self->campaigns_page, KOC_TYPE_CAMPAIGNS_PANE);
}

/* A pane not built yet has no workspace to drop. */
static void
set_pane_store (KocWindow     *self,
                KocWindowPane  pane,
                KocStore      *store)
{
  switch (pane)
    {
    case PANE_DISCOVER:
      koc_discover_pane_set_store (self->discover_pane, store);
      break;
    case PANE_PEOPLE:
      if (self->people_pane != NULL)
        koc_people_pane_set_store (self->people_pane, store);
      break;
    case PANE_KEYWORDS:
      if (self->keywords_pane != NULL)
        koc_keywords_pane_set_store (self->keywords_pane, store);
      break;
    case PANE_CAMPAIGNS:
      if (self->campaigns_pane != NULL)
        koc_campaigns_pane_set_store (self->campaigns_pane, store);
      break;
    case N_PANES:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_loaded (KocWindow     *self,
           KocWindowPane  pane)
{
  return (self->panes_loaded & (1u << pane)) != 0;
}

static gboolean
is_visible (KocWindow     *self,
            KocWindowPane  pane)
{
  return adw_view_stack_get_visible_child (self->view_stack) == page_widget (self, pane);
}

static void
load_pane (KocWindow     *self,
           KocWindowPane  pane)
{
  ensure_pane (self, pane);
  self->panes_loaded |= 1u << pane;
  set_pane_store (self, pane, self->store);
}

static void
visible_child_changed_cb (KocWindow *self)
{
  /* Disposing: the stack drops its pages. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  for (KocWindowPane pane = 0; pane < N_PANES; pane++)
    {
      if (!is_visible (self, pane))
        continue;
      ensure_pane (self, pane);
      if (self->store != NULL && !is_loaded (self, pane))
        load_pane (self, pane);
    }
}

KocPeoplePane *
_koc_window_get_people_pane (KocWindow *self)
{
  ensure_pane (self, PANE_PEOPLE);
  return self->people_pane;
}

/* The first workspace of the window is being opened (@store is still opening; NULL:
 * it failed to open): a visible Discover queues its first page and count behind the
 * open right away, so they are read while the window is presented and the first frame
 * can show the rows. Discover keeps the store when it is open (load_pane() sets the
 * same store again). */
void
_koc_window_workspace_opening (KocWindow *self,
                               KocStore  *store)
{
  if (is_visible (self, PANE_DISCOVER))
    koc_discover_pane_set_store (self->discover_pane, store);
}

void
_koc_window_workspace_opened (KocWindow *self)
{
  gtk_label_set_label (self->workspace_label, self->workspace_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->workspace_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->workspace_name, -1);
  /* Keywords re-reads its aggregates even for the same workspace (an import). */
  set_pane_store (self, PANE_KEYWORDS, NULL);
  for (KocWindowPane pane = 0; pane < N_PANES; pane++)
    {
      if (is_visible (self, pane) || is_loaded (self, pane))
        load_pane (self, pane);
      else
        set_pane_store (self, pane, NULL);
    }
  koc_sync_controller_set_workspace (self->sync, self->store, self->workspace_name);
}

/* A sync brought changes: the panes that have the workspace show them (Discover when it
 * shows its default list); the others read the synced rows when first shown. */
void
_koc_window_synced (KocWindow *self)
{
  const KocSearchQuery *query = koc_discover_pane_get_query (self->discover_pane);

  if (self->store == NULL)
    return;
  if (is_loaded (self, PANE_CAMPAIGNS))
    koc_campaigns_pane_reload (self->campaigns_pane);
  if (is_loaded (self, PANE_KEYWORDS))
    koc_keywords_pane_reload (self->keywords_pane);
  if (is_loaded (self, PANE_DISCOVER) && (query == NULL || query->text == NULL || *query->text == '\0'))
    {
      koc_discover_pane_set_store (self->discover_pane, NULL);
      koc_discover_pane_set_store (self->discover_pane, self->store);
    }
}

void
_koc_window_panes_init (KocWindow *self)
{
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_child_changed_cb), self, G_CONNECT_SWAPPED);
  /* The restored "visible-pane" may be a pane built on demand. */
  visible_child_changed_cb (self);
}
