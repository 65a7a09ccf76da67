//! The live feed: new package events as Server-Sent Events, for pages that
//! update themselves.
//!
//! One poller per process (started by the first subscriber, stopped when the
//! last one leaves) watches the checkpoint and broadcasts the events of each
//! newly indexed range, so a thousand open pages cost one query per tick.
//! The checkpoint is the only clock: events past it are not committed, and an
//! API replica sees exactly what its database has. Every message carries its
//! id (`version:event_index`); a subscriber that missed a range (a slow
//! client, a reconnect with `Last-Event-ID`, a resume with `after`) reads it
//! from the database before going on, so the feed has no gaps and no
//! repeats.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use diesel::prelude::*;
use futures_util::Stream;
use serde::{Deserialize, Deserializer, Serialize};
use tokio::sync::broadcast;
use utoipa::{IntoParams, PartialSchema, ToSchema};

use super::error::{ApiError, CommonErrors};
use super::params::{Address, Query, Uint};
use super::views::EventView;
use super::{db, AppState};
use crate::rows::EventRow;
use crate::schema::{checkpoint, events};

/// How often the poller looks at the checkpoint.
const TICK: Duration = Duration::from_millis(200);
/// Events read from the database per query when catching up.
const CATCH_UP_ROWS: i64 = 1000;
/// Batches a subscriber may fall behind before it catches up from the
/// database instead.
const BACKLOG: usize = 64;

/// A position in the event log: every event at or before it was delivered
/// (or did not match). `(v, i32::MAX)` is "all of version `v`".
type Cursor = (i64, i32);

/// One newly indexed range: the events in `(from, to]`.
struct Batch {
    from: Cursor,
    to: Cursor,
    events: Vec<Arc<Item>>,
}

/// An event as sent, serialized once for every subscriber.
struct Item {
    id: Cursor,
    job_id: Option<i64>,
    account: Option<String>,
    json: String,
}

impl Item {
    fn of(row: EventRow) -> Self {
        let id = (row.version, row.event_index);
        let (job_id, account) = (row.job_id, row.account.clone());
        let view = FeedEvent {
            job_id,
            account: account.clone(),
            event: EventView::from(row),
        };
        Self {
            id,
            job_id,
            account,
            json: serde_json::to_string(&view).expect("an event view serializes"),
        }
    }
}

/// The message of the feed: the event, and the job and account it is about
/// (what a page filters on).
#[derive(Serialize, ToSchema)]
pub struct FeedEvent {
    #[serde(flatten)]
    event: EventView,
    /// The job of an escrow event.
    job_id: Option<i64>,
    /// The account the event is about (worker, holder, user …).
    account: Option<String>,
}

/// The process's poller and its subscribers.
pub struct Live {
    tx: broadcast::Sender<Arc<Batch>>,
    running: Mutex<bool>,
}

impl Default for Live {
    fn default() -> Self {
        Self {
            tx: broadcast::channel(BACKLOG).0,
            running: Mutex::new(false),
        }
    }
}

impl Live {
    /// A receiver of every batch from now on; starts the poller if needed.
    fn subscribe(st: &AppState) -> broadcast::Receiver<Arc<Batch>> {
        let live = &st.live;
        let rx = live.tx.subscribe();
        let mut running = live.running.lock().unwrap_or_else(|p| p.into_inner());
        if !*running {
            *running = true;
            tokio::spawn(poll(st.clone()));
        }
        rx
    }
}

/// The next version to index (everything before it is committed).
fn next_version(c: &mut PgConnection) -> Result<i64, ApiError> {
    Ok(checkpoint::table
        .select(checkpoint::version)
        .first::<i64>(c)
        .optional()?
        .unwrap_or(0))
}

async fn poll(st: AppState) {
    let mut at: Option<Cursor> = None;
    loop {
        {
            let mut running = st.live.running.lock().unwrap_or_else(|p| p.into_inner());
            if st.live.tx.receiver_count() == 0 {
                *running = false;
                return;
            }
        }
        // An error is logged by ApiError; the next tick tries again.
        if let Ok(next) = tick(&st, at).await {
            at = Some(next);
        }
        tokio::time::sleep(TICK).await;
    }
}

/// Broadcasts what was indexed since `at` (on the first tick: nothing, it
/// only places the cursor) and returns the new cursor.
async fn tick(st: &AppState, at: Option<Cursor>) -> Result<Cursor, ApiError> {
    let next = db(st, next_version).await?;
    let head: Cursor = (next - 1, i32::MAX);
    let Some(from) = at else { return Ok(head) };
    if head <= from {
        return Ok(from);
    }
    let filter = Filter::default();
    let (rows, to) = db(st, move |c| read(c, from, head, &filter)).await?;
    let events = rows.into_iter().map(|r| Arc::new(Item::of(r))).collect();
    // Nobody listening is not an error: the next tick stops the poller.
    let _ = st.live.tx.send(Arc::new(Batch { from, to, events }));
    Ok(to)
}

/// Events after `from` up to `to`, at most [`CATCH_UP_ROWS`], and how far
/// they reach (`to` when all were read).
fn read(
    c: &mut PgConnection,
    from: Cursor,
    to: Cursor,
    f: &Filter,
) -> Result<(Vec<EventRow>, Cursor), ApiError> {
    let (v, i) = from;
    let mut q = events::table
        .select(EventRow::as_select())
        .filter(
            events::version
                .gt(v)
                .or(events::version.eq(v).and(events::event_index.gt(i))),
        )
        .filter(events::version.le(to.0))
        .into_boxed();
    if let Some(job) = f.job {
        q = q.filter(events::job_id.eq(job));
    }
    if let Some(a) = &f.account {
        q = q.filter(events::account.eq(a));
    }
    let rows: Vec<EventRow> = q
        .order((events::version, events::event_index))
        .limit(CATCH_UP_ROWS)
        .load(c)?;
    let reached = match rows.last() {
        Some(r) if rows.len() as i64 == CATCH_UP_ROWS => (r.version, r.event_index),
        _ => to,
    };
    Ok((rows, reached))
}

/// What a subscriber wants.
#[derive(Clone, Default)]
struct Filter {
    job: Option<i64>,
    account: Option<String>,
}

impl Filter {
    fn admits(&self, e: &Item) -> bool {
        self.job.is_none_or(|j| e.job_id == Some(j))
            && self
                .account
                .as_ref()
                .is_none_or(|a| e.account.as_ref() == Some(a))
    }
}

/// An event id (`version:event_index`), or a version (all of its events).
#[derive(Debug, Clone, Copy)]
pub struct EventId(Cursor);

impl std::str::FromStr for EventId {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("expected <version> or <version>:<event_index>, got {s:?}");
        let (v, i) = match s.split_once(':') {
            Some((v, i)) => (v, Some(i)),
            None => (s, None),
        };
        let v: u64 = v.parse().map_err(|_| bad())?;
        let i = match i {
            Some(i) => i.parse::<u32>().map_err(|_| bad())?.min(i32::MAX as u32) as i32,
            None => i32::MAX,
        };
        Ok(Self((crate::rows::to_i64(v), i)))
    }
}

impl<'de> Deserialize<'de> for EventId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl PartialSchema for EventId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[0-9]+(:[0-9]+)?$"))
            .into()
    }
}
impl ToSchema for EventId {}

/// Filters and start of `/v1/live`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LiveQuery {
    /// Only the events of this job (id).
    #[param(inline)]
    job: Option<Uint>,
    /// Only the events about this account.
    #[param(inline)]
    account: Option<Address>,
    /// Start after this event id (`version:event_index`) or after all events
    /// of a version, instead of now; the `Last-Event-ID` header of a
    /// reconnecting `EventSource` wins over it.
    #[param(inline)]
    after: Option<EventId>,
}

/// What one connection has sent and still has to send.
struct Feed {
    st: AppState,
    rx: broadcast::Receiver<Arc<Batch>>,
    filter: Filter,
    at: Cursor,
    /// Read up to here from the database before taking batches again.
    catch_up_to: Option<Cursor>,
    pending: VecDeque<Arc<Item>>,
}

impl Feed {
    /// The next message, or `None` when the process shuts down.
    async fn next(&mut self) -> Option<Result<Event, ApiError>> {
        loop {
            if let Some(e) = self.pending.pop_front() {
                let id = format!("{}:{}", e.id.0, e.id.1);
                return Some(Ok(Event::default().id(id).data(e.json.clone())));
            }
            if let Some(goal) = self.catch_up_to {
                let (from, filter) = (self.at, self.filter.clone());
                let read = db(&self.st, move |c| read(c, from, goal, &filter)).await;
                let (rows, reached) = match read {
                    Ok(r) => r,
                    Err(e) => return Some(Err(e)),
                };
                self.pending
                    .extend(rows.into_iter().map(|r| Arc::new(Item::of(r))));
                self.at = reached;
                if reached == goal {
                    self.catch_up_to = None;
                }
                continue;
            }
            match self.rx.recv().await {
                Ok(b) if b.to <= self.at => {}
                // A range this connection did not see in full: read it.
                Ok(b) if b.from > self.at => self.catch_up_to = Some(b.to),
                Ok(b) => {
                    let (at, f) = (self.at, &self.filter);
                    self.pending.extend(
                        b.events
                            .iter()
                            .filter(|e| e.id > at && f.admits(e))
                            .cloned(),
                    );
                    self.at = b.to;
                }
                // The next batch shows the gap and is read from the database.
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

/// New events as they are indexed (Server-Sent Events).
///
/// Each message's `data` is a `FeedEvent` and its `id` the event's
/// `version:event_index`; comments keep the connection open. Without
/// `after` (or `Last-Event-ID`) the feed starts at the moment of the
/// request; with one it first sends every indexed event after that id.
#[utoipa::path(get, path = "/v1/live", tag = "service", params(LiveQuery),
    responses((status = 200, description = "An event stream; each message's data is a FeedEvent.",
               content_type = "text/event-stream", body = FeedEvent),
              CommonErrors))]
pub async fn live(
    State(st): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<LiveQuery>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let resume = match headers.get("last-event-id") {
        Some(v) => Some(
            v.to_str()
                .map_err(|_| ApiError::bad("Last-Event-ID", "not ASCII"))?
                .parse::<EventId>()
                .map_err(|e| ApiError::bad("Last-Event-ID", e))?,
        ),
        None => q.after,
    };
    let rx = Live::subscribe(&st);
    let next = db(&st, next_version).await?;
    let now: Cursor = (next - 1, i32::MAX);
    let (at, catch_up_to) = match resume {
        Some(EventId(c)) if c < now => (c, Some(now)),
        Some(EventId(c)) => (c, None),
        None => (now, None),
    };
    let feed = Feed {
        st,
        rx,
        filter: Filter {
            job: q.job.map(|j| j.i64()),
            account: q.account.map(|a| a.long),
        },
        at,
        catch_up_to,
        pending: VecDeque::new(),
    };
    let stream = futures_util::stream::unfold(feed, |mut feed| async move {
        match feed.next().await? {
            Ok(event) => Some((Ok(event), feed)),
            // A database fault ends the stream; the client reconnects with
            // its Last-Event-ID and misses nothing.
            Err(_) => None,
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}
