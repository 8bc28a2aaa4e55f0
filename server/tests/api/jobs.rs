//! The job queue's store (issue 13), on both engines: one job per dedupe key, claims that two
//! instances never share, leases that outlive a dead worker, retries with backoff.

use app::store::jobs::{self, NewJob};
use chrono::{DateTime, Duration, Utc};

use crate::common::{join_all, spawn_app};

fn job(key: Option<String>, at: DateTime<Utc>) -> NewJob {
    NewJob {
        kind: "test",
        payload: serde_json::json!({ "n": 1 }),
        dedupe_key: key,
        run_at: at,
        max_attempts: 2,
    }
}

#[tokio::test]
async fn a_dedupe_key_enqueues_once_and_one_off_jobs_every_time() {
    let app = spawn_app().await;
    let db = app.db().await;
    let now = Utc::now();
    let mut conn = db.acquire().await.unwrap();
    let key = || Some("renewal:1:2027-07-27:60".to_string());
    assert!(jobs::enqueue(&mut conn, &job(key(), now), now)
        .await
        .unwrap()
        .is_some());
    assert!(jobs::enqueue(&mut conn, &job(key(), now), now)
        .await
        .unwrap()
        .is_none());
    for _ in 0..2 {
        assert!(jobs::enqueue(&mut conn, &job(None, now), now)
            .await
            .unwrap()
            .is_some());
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM jobs").await, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_claiming_at_once_never_get_the_same_job() {
    let app = spawn_app().await;
    let (a, b) = (app.db().await, app.db().await);
    let now = Utc::now();
    let mut conn = a.acquire().await.unwrap();
    for _ in 0..30 {
        jobs::enqueue(&mut conn, &job(None, now), now)
            .await
            .unwrap();
    }
    drop(conn);
    // Eight workers, four per instance, each claiming until nothing is left.
    let pools = [&a, &b];
    let claimed = join_all((0..8).map(|w| {
        let db = pools[w % 2];
        async move {
            let mut mine = Vec::new();
            while let Some(job) = jobs::claim_next(db, now, 60).await.unwrap() {
                mine.push(job.id);
            }
            mine
        }
    }))
    .await;
    let mut all: Vec<i64> = claimed.into_iter().flatten().collect();
    all.sort_unstable();
    let unique: std::collections::BTreeSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), 30, "every job claimed");
    assert_eq!(unique.len(), 30, "no job claimed twice");
}

#[tokio::test]
async fn a_dead_workers_claim_expires_and_failures_retry_with_backoff_then_fail() {
    let app = spawn_app().await;
    let db = app.db().await;
    let now = Utc::now();
    let mut conn = db.acquire().await.unwrap();
    let id = jobs::enqueue(&mut conn, &job(None, now), now)
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    let first = jobs::claim_next(&db, now, 60).await.unwrap().unwrap();
    assert_eq!((first.id, first.attempts), (id, 1));
    // Its worker dies: nobody gets it during the lease, anyone after it.
    assert_eq!(
        jobs::claim_next(&db, now + Duration::seconds(59), 60)
            .await
            .unwrap(),
        None
    );
    let later = now + Duration::seconds(61);
    let second = jobs::claim_next(&db, later, 60).await.unwrap().unwrap();
    assert_eq!((second.id, second.attempts), (id, 2));
    // This run fails too: with both attempts used, the job fails for good.
    jobs::failed(
        &db,
        &second,
        "smtp: connection refused",
        later,
        later + Duration::minutes(2),
    )
    .await
    .unwrap();
    assert_eq!(
        jobs::claim_next(&db, later + Duration::days(1), 60)
            .await
            .unwrap(),
        None
    );
    let (status, error): (String, Option<String>) =
        sqlx::query_as("SELECT status, last_error FROM jobs WHERE id = $1")
            .bind(id)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), error.as_deref()),
        ("failed", Some("smtp: connection refused"))
    );

    // A job with attempts left is queued again, due at its retry time only.
    let mut conn = db.acquire().await.unwrap();
    let retried = jobs::enqueue(&mut conn, &job(None, now), now)
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    let claim = jobs::claim_one(&db, retried, now, 60)
        .await
        .unwrap()
        .unwrap();
    jobs::failed(&db, &claim, "timeout", now, now + Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(
        jobs::claim_next(&db, now + Duration::seconds(59), 60)
            .await
            .unwrap(),
        None
    );
    let again = jobs::claim_next(&db, now + Duration::seconds(60), 60)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((again.id, again.attempts), (retried, 2));
    jobs::complete(&db, again.id, now).await.unwrap();
    assert_eq!(
        app.count("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND finished_at IS NOT NULL")
            .await,
        1
    );
}
