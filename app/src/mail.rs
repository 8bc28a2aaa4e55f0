//! Outgoing mail (invitations, password resets, answered requests) through lettre: SMTP when
//! `PORTAL_SMTP_URL` is set, otherwise `.eml` files in an outbox directory, so nothing is lost
//! in development and tests can read the links.

use std::path::PathBuf;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MessageBuilder, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::error::AppError;

#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// The directory, and whether a request that queued a mail waits for the file.
    Outbox(AsyncFileTransport<Tokio1Executor>, bool),
}

#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("PORTAL_MAIL_FROM is not a mailbox: {0}")]
    From(#[from] lettre::address::AddressError),
    #[error("PORTAL_SMTP_URL is not usable: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("cannot create the outbox directory: {0}")]
    Outbox(#[from] std::io::Error),
}

impl Mailer {
    pub fn smtp(url: &str, from: &str) -> Result<Self, MailConfigError> {
        Ok(Self {
            from: from.parse()?,
            transport: Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build(),
            ),
        })
    }

    /// Mail as `.eml` files in `dir`. With `wait`, a request that queues a mail (an invoice)
    /// answers once the file is written, so tests and demos find it at once; without, it goes
    /// out after the answer, as SMTP mail does.
    pub fn outbox(dir: PathBuf, from: &str, wait: bool) -> Result<Self, MailConfigError> {
        std::fs::create_dir_all(&dir)?;
        Ok(Self {
            from: from.parse()?,
            transport: Transport::Outbox(AsyncFileTransport::new(dir), wait),
        })
    }

    /// Whether a request that queued a mail waits for its delivery: only for an outbox that
    /// asks to (SMTP may take seconds, and no purchase waits for it).
    pub fn delivered_before_answer(&self) -> bool {
        matches!(self.transport, Transport::Outbox(_, true))
    }

    /// Sends a plain-text message (lettre picks the transfer encoding; long link lines come
    /// out quoted-printable).
    pub async fn send(
        &self,
        to_name: &str,
        to_email: &str,
        subject: &str,
        body: String,
    ) -> Result<(), AppError> {
        self.send_as(to_name, to_email, subject, body, None).await
    }

    /// Like [`Mailer::send`], with a `Message-ID` (`<id@host>`) kept on every retry of the
    /// same message (the job queue's).
    pub async fn send_as(
        &self,
        to_name: &str,
        to_email: &str,
        subject: &str,
        body: String,
        message_id: Option<&str>,
    ) -> Result<(), AppError> {
        let to = Mailbox::new(
            Some(to_name.to_string()),
            to_email
                .parse()
                .map_err(|_| AppError::Invalid(crate::i18n::t("err-email")))?,
        );
        let message = self
            .builder(subject, message_id)
            .to(to)
            .singlepart(text_part(body))
            .map_err(unbuildable)?;
        self.deliver(message).await
    }

    /// Sends a plain-text message with one attachment (an invoice PDF) to every address in
    /// `to`; an address that does not parse is skipped and logged. `message_id` (`<id@host>`)
    /// is kept on every retry of the same message.
    pub async fn send_with_attachment(
        &self,
        to: &[String],
        subject: &str,
        body: String,
        (file_name, bytes): (&str, Vec<u8>),
        message_id: Option<&str>,
    ) -> Result<(), AppError> {
        let pdf = ContentType::parse("application/pdf")
            .map_err(|error| AppError::internal(format_args!("content type: {error}")))?;
        let message = addressed(self.builder(subject, message_id), to)
            .multipart(
                MultiPart::mixed()
                    .singlepart(text_part(body))
                    .singlepart(Attachment::new(file_name.to_string()).body(bytes, pdf)),
            )
            .map_err(unbuildable)?;
        self.deliver(message).await
    }

    /// Sends a plain-text message to every address in `to` (an invoice's billing addresses);
    /// an address that does not parse is skipped and logged.
    pub async fn send_to_all(
        &self,
        to: &[String],
        subject: &str,
        body: String,
        message_id: Option<&str>,
    ) -> Result<(), AppError> {
        let message = addressed(self.builder(subject, message_id), to)
            .singlepart(text_part(body))
            .map_err(unbuildable)?;
        self.deliver(message).await
    }

    /// A message from the portal with `subject` and, when given, a fixed `Message-ID`.
    fn builder(&self, subject: &str, message_id: Option<&str>) -> MessageBuilder {
        Message::builder()
            .from(self.from.clone())
            .subject(subject)
            .message_id(message_id.map(str::to_string))
    }

    async fn deliver(&self, message: Message) -> Result<(), AppError> {
        let sent = match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Transport::Outbox(files, _) => files
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
        };
        sent.map_err(|error| AppError::internal(format_args!("mail not sent: {error}")))
    }
}

/// `builder` addressed to every address of `to` that parses; the others are logged.
fn addressed(mut builder: MessageBuilder, to: &[String]) -> MessageBuilder {
    for address in to {
        match address.parse::<Mailbox>() {
            Ok(mailbox) => builder = builder.to(mailbox),
            Err(error) => tracing::warn!(%address, %error, "mail address skipped"),
        }
    }
    builder
}

/// A plain-text body (lettre picks the transfer encoding).
fn text_part(body: String) -> SinglePart {
    SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(body)
}

fn unbuildable(error: lettre::error::Error) -> AppError {
    AppError::internal(format_args!("cannot build mail: {error}"))
}
