//! JavaMail and Jakarta (Angus) Mail: `SMTPSendFailedException: 550 5.7.750
//! …`, `SMTPSenderFailedException`, `SMTPAddressFailedException` (one per
//! refused recipient, whose reply usually names it) and
//! `AuthenticationFailedException`, wherever the trace prints them: as the
//! exception, nested, after `Caused by:` or inside Spring's
//! `MailSendException: Failed messages: …`. The repeats are one failure.

use super::names::addresses;
use super::reply::outcome_at;
use super::tally::Tally;
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use std::borrow::Cow;

const EXCEPTIONS: &[&str] = &[
    "SMTPSendFailedException: ",
    "SMTPSenderFailedException: ",
    "SMTPAddressFailedException: ",
    "AuthenticationFailedException: ",
];

pub(super) fn read(text: &str) -> Option<Finding> {
    if !text.contains("FailedException: ") {
        return None;
    }
    let mut tally = Tally::new(Input::ApplicationError);
    for (start, line) in text_lines(text) {
        // The innermost exception named on the line carries the reply.
        let Some((name, said)) = EXCEPTIONS
            .iter()
            .filter_map(|e| {
                line.rsplit_once(e)
                    .map(|(before, said)| (before.len(), e, said))
            })
            .max_by_key(|(at, _, _)| *at)
            .map(|(_, e, said)| (*e, said))
        else {
            continue;
        };
        let Some(outcome) = outcome_at(line, start, said) else {
            continue;
        };
        let to = (name == "SMTPAddressFailedException: ")
            .then(|| addresses(said).into_iter().next())
            .flatten();
        tally.add(to.map(Cow::Owned), outcome);
    }
    tally.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    #[test]
    fn send_failed_with_its_reply() {
        let text = "com.sun.mail.smtp.SMTPSendFailedException: 550 5.7.750 Service unavailable\n;\n  nested exception is:\n\tcom.sun.mail.smtp.SMTPSenderFailedException: 550 5.7.750 Service unavailable\n";
        let f = read(text).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.750".into(), Some(550))
        );
        assert!(f.recipients.is_empty());
        let f = read("x: MailSendException: Failed messages: org.eclipse.angus.mail.smtp.SMTPSendFailedException: 451 4.7.500 later").unwrap();
        assert_eq!(f.kind, Kind::Delay);
    }

    #[test]
    fn refused_recipients_are_named_by_their_replies() {
        let text = "\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.10 Recipient a@x.example not found\nCaused by: com.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <b@x.example>: unknown\n";
        let f = read(text).unwrap();
        let got: Vec<&str> = f.recipients.iter().map(|r| r.address.as_str()).collect();
        assert_eq!(got, ["a@x.example", "b@x.example"]);
        assert!(read("javax.mail.SendFailedException: Invalid Addresses;").is_none());
    }

    #[test]
    fn hostile_traces() {
        let line = "Caused by: com.sun.mail.smtp.SMTPSendFailedException: 451 4.7.500 later\n\tat x.y(Z.java:1)\n";
        assert_eq!(read(&line.repeat(200_000)).unwrap().kind, Kind::Delay);
        let long = format!(
            "SMTPSendFailedException: 550 5.7.1 {}",
            "SMTPSendFailedException: é".repeat(1 << 16)
        );
        assert!(read(&long).is_none_or(|f| f.diagnostic.unwrap().len() <= 2000));
    }
}
