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
    assert!(jobs::complete(&db, &again, now).await.unwrap());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND finished_at IS NOT NULL")
            .await,
        1
    );
}

/// A fake SMTP server. Its `mode`: [`REFUSE`] turns every connection away (421), [`ACCEPT`]
/// takes every message and keeps it in `received`, [`STALL`] never answers.
struct FakeSmtp {
    addr: std::net::SocketAddr,
    mode: std::sync::Arc<std::sync::atomic::AtomicU8>,
    received: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

const REFUSE: u8 = 0;
const ACCEPT: u8 = 1;
const STALL: u8 = 2;

async fn fake_smtp() -> FakeSmtp {
    use std::sync::atomic::Ordering;
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let smtp = FakeSmtp {
        addr: listener.local_addr().unwrap(),
        mode: Default::default(),
        received: Default::default(),
    };
    let (mode, received) = (smtp.mode.clone(), smtp.received.clone());
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let (mode, received) = (mode.clone(), received.clone());
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                match mode.load(Ordering::SeqCst) {
                    REFUSE => {
                        let _ = write.write_all(b"421 4.3.2 try again later\r\n").await;
                        return;
                    }
                    STALL => {
                        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
                        return;
                    }
                    _ => {}
                }
                let _ = write.write_all(b"220 fake ESMTP\r\n").await;
                let mut lines = BufReader::new(read).lines();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(message) = data.as_mut() {
                        if line == "." {
                            received.lock().unwrap().push(data.take().unwrap());
                            let _ = write.write_all(b"250 2.0.0 queued\r\n").await;
                        } else {
                            message.push_str(&line);
                            message.push('\n');
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 fake\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 2.0.0 ok\r\n",
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    smtp
}

/// Waits up to ten seconds for `done`.
async fn eventually(mut done: impl AsyncFnMut() -> bool, what: &str) {
    for _ in 0..100 {
        if done().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_mail_refused_by_smtp_stays_queued_and_arrives_once_when_it_accepts() {
    use std::sync::atomic::Ordering;
    let smtp = fake_smtp().await;
    let url = format!("smtp://{}", smtp.addr);
    let app = crate::common::spawn_app_with(|config| {
        config.smtp_url = Some(url);
        config.worker = true;
        config.worker_poll = std::time::Duration::from_millis(100);
    })
    .await;
    let boris = app.login_as("Contoso Logistics").await;
    let order = app.buy_support(&boris, "standard", "1").await;
    assert_eq!(
        order.status,
        reqwest::StatusCode::OK,
        "the order does not wait for mail"
    );
    let failed_once = || async {
        app.count("SELECT COUNT(*) FROM jobs WHERE status = 'queued' AND attempts = 1 AND last_error IS NOT NULL")
            .await
            == 1
    };
    eventually(failed_once, "the refused try to be recorded").await;
    assert!(smtp.received.lock().unwrap().is_empty());

    // The server accepts again; the retry is due a minute after the failure.
    smtp.mode.store(ACCEPT, Ordering::SeqCst);
    app.clock.as_ref().unwrap().advance(Duration::minutes(2));
    let sent = || async {
        app.count("SELECT COUNT(*) FROM jobs WHERE status = 'done'")
            .await
            == 1
    };
    eventually(sent, "the retry to deliver").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let received = smtp.received.lock().unwrap().clone();
    assert_eq!(received.len(), 1, "delivered exactly once");
    let mail = &received[0];
    assert!(mail.contains("Subject: Invoice INV-2026-000001"), "{mail}");
    assert!(mail.contains("Message-ID: <job-1@127.0.0.1>"), "{mail}");
    assert!(mail.contains("application/pdf"), "{mail}");
}

#[tokio::test]
async fn admins_see_failed_jobs_with_their_error_and_retry_them() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let db = app.db().await;
    let now = Utc::now();
    let mut conn = db.acquire().await.unwrap();
    let id = jobs::enqueue(&mut conn, &job(None, now), now)
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    for _ in 0..2 {
        let claimed = jobs::claim_next(&db, now, 60).await.unwrap().unwrap();
        jobs::failed(&db, &claimed, "554 mailbox unavailable", now, now)
            .await
            .unwrap();
    }
    let failed = app
        .answer("admin_jobs", &[("status", "failed")], &admin)
        .await;
    assert_eq!(failed.status, reqwest::StatusCode::OK, "{}", failed.body);
    assert_eq!(failed.body[0]["id"], id);
    assert_eq!(failed.body[0]["attempts"], "2 / 2");
    assert_eq!(failed.body[0]["last_error"], "554 mailbox unavailable");
    let unknown = app
        .answer("admin_jobs", &[("status", "lost")], &admin)
        .await;
    assert_eq!(unknown.status, reqwest::StatusCode::BAD_REQUEST);

    let retry = app
        .answer("admin_retry_job", &[("id", &id.to_string())], &admin)
        .await;
    assert_eq!(retry.status, reqwest::StatusCode::OK, "{}", retry.body);
    let again = app
        .answer("admin_retry_job", &[("id", &id.to_string())], &admin)
        .await;
    assert_eq!(
        again.status,
        reqwest::StatusCode::CONFLICT,
        "only a failed job is retried"
    );
    let unknown = app
        .answer("admin_retry_job", &[("id", "999999")], &admin)
        .await;
    assert_eq!(unknown.status, reqwest::StatusCode::NOT_FOUND);
    // One more try, due now.
    let claimed = jobs::claim_next(&db, Utc::now(), 60)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (claimed.id, claimed.attempts, claimed.max_attempts),
        (id, 3, 3)
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'job_retried'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_invitation_is_mailed_by_the_queue_and_the_link_used_voids_the_other() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let company = app.company_id("Northwind Trading").await.to_string();
    let invited = app
        .answer(
            "admin_assign_contact",
            &[
                ("company_id", company.as_str()),
                ("contact_name", "Nina Nova"),
                ("contact_email", "nina@northwind.example"),
            ],
            &admin,
        )
        .await;
    assert_eq!(invited.status, reqwest::StatusCode::OK, "{}", invited.body);
    let shown = invited.body["link"].as_str().unwrap();
    let shown = shown[shown.find("token=").unwrap() + 6..].to_string();
    let mailed = app.last_mail_token();
    assert_ne!(
        shown, mailed,
        "the queue issued its own link: none is stored in clear"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM jobs WHERE kind = 'invitation_mail' AND status = 'done'")
            .await,
        1
    );
    let accept = |token: String| {
        let app = &app;
        async move {
            app.call(
                "accept_invitation",
                &[
                    ("token", token.as_str()),
                    ("password", "a long enough passphrase 7"),
                ],
                None,
            )
            .await
            .status()
        }
    };
    assert_eq!(accept(mailed).await, reqwest::StatusCode::OK);
    assert_eq!(
        accept(shown).await,
        reqwest::StatusCode::UNPROCESSABLE_ENTITY,
        "the admin's link stops working once the mailed one was used"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_claimed_by_an_instance_killed_mid_send_is_sent_once_its_lease_runs_out() {
    use std::sync::atomic::Ordering;
    let smtp = fake_smtp().await;
    smtp.mode.store(STALL, Ordering::SeqCst);
    let url = format!("smtp://{}", smtp.addr);
    // No worker here yet: only the other process may claim the mail while it lives.
    let a = crate::common::spawn_app_with(|config| config.smtp_url = Some(url.clone())).await;
    // The order is placed on another process, whose own try hangs on the mail server.
    let b = crate::common::spawn_process_with(&a, &[("PORTAL_SMTP_URL", url.as_str())]).await;
    let boris = b.login_as("Contoso Logistics").await;
    let order = b.buy_support(&boris, "standard", "1").await;
    assert_eq!(order.status, reqwest::StatusCode::OK, "{}", order.body);
    let claimed = || async {
        a.count("SELECT COUNT(*) FROM jobs WHERE status = 'running' AND attempts = 1")
            .await
            == 1
    };
    eventually(claimed, "the other process to claim the mail").await;
    drop(b); // kill -9, mid-send

    // A restarted instance with a worker: within the dead claim's lease it leaves the job
    // alone; after it, it sends the mail.
    smtp.mode.store(ACCEPT, Ordering::SeqCst);
    let c = crate::common::spawn_sibling_with(&a, |config| {
        config.smtp_url = Some(url.clone());
        config.worker = true;
        config.worker_poll = std::time::Duration::from_millis(100);
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        a.count("SELECT COUNT(*) FROM jobs WHERE status = 'done'")
            .await,
        0
    );
    c.clock.as_ref().unwrap().advance(Duration::minutes(6));
    let sent = || async {
        a.count("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND attempts = 2")
            .await
            == 1
    };
    eventually(sent, "the job to be sent after the lease").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let received = smtp.received.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert!(
        received[0].contains("Message-ID: <job-1@127.0.0.1>"),
        "{}",
        received[0]
    );
}

/// Issue 18: a purchase writes its invoice mail already claimed, in its own transaction. The
/// claim behaves like any other: nobody else runs the job during the lease, a worker does
/// after it, and the claim's holder records the outcome.
#[tokio::test]
async fn a_job_enqueued_claimed_is_a_claim_like_any_other() {
    let app = spawn_app().await;
    let db = app.db().await;
    let now = Utc::now();
    let mut conn = db.acquire().await.unwrap();
    let claimed = jobs::enqueue_claimed(&mut conn, &job(None, now), now, 60)
        .await
        .unwrap();
    drop(conn);
    assert_eq!((claimed.kind.as_str(), claimed.attempts), ("test", 1));
    assert_eq!(
        jobs::claim_next(&db, now + Duration::seconds(59), 60)
            .await
            .unwrap(),
        None,
        "nobody else runs it during the lease"
    );
    assert!(jobs::complete(&db, &claimed, now).await.unwrap());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND attempts = 1")
            .await,
        1
    );

    // Its holder died before running it: a worker runs it once the lease is over.
    let mut conn = db.acquire().await.unwrap();
    let dead = jobs::enqueue_claimed(&mut conn, &job(None, now), now, 60)
        .await
        .unwrap();
    drop(conn);
    let later = now + Duration::seconds(61);
    let retried = jobs::claim_next(&db, later, 60).await.unwrap().unwrap();
    assert_eq!((retried.id, retried.attempts), (dead.id, 2));
    assert!(
        !jobs::complete(&db, &dead, later).await.unwrap(),
        "the dead claim is fenced off"
    );
}

#[tokio::test]
async fn a_worker_whose_claim_expired_cannot_record_over_the_new_claim() {
    let app = spawn_app().await;
    let db = app.db().await;
    let now = Utc::now();
    let mut conn = db.acquire().await.unwrap();
    jobs::enqueue(&mut conn, &job(None, now), now)
        .await
        .unwrap();
    drop(conn);
    let stale = jobs::claim_next(&db, now, 60).await.unwrap().unwrap();
    let later = now + Duration::seconds(61);
    let current = jobs::claim_next(&db, later, 60).await.unwrap().unwrap();
    // The first worker comes back: its outcome is refused either way.
    assert!(!jobs::failed(&db, &stale, "late", later, later)
        .await
        .unwrap());
    assert!(!jobs::complete(&db, &stale, later).await.unwrap());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM jobs WHERE status = 'running' AND attempts = 2")
            .await,
        1
    );
    assert!(jobs::complete(&db, &current, later).await.unwrap());
    // A claim that expires on the last try fails the job instead of running it a third time.
    let mut conn = db.acquire().await.unwrap();
    let last = jobs::enqueue(&mut conn, &job(None, now), now)
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    for i in 0..2 {
        let at = now + Duration::seconds(61 * i);
        assert_eq!(
            jobs::claim_next(&db, at, 60).await.unwrap().unwrap().id,
            last
        );
    }
    assert_eq!(
        jobs::claim_next(&db, now + Duration::seconds(200), 60)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM jobs WHERE status = 'failed'")
            .await,
        1
    );
}
