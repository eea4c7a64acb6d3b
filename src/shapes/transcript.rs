//! SMTP client debug transcripts: Python `smtplib` (`send: '…'`, `reply:
//! b'…'`), swaks (` -> `, `<- `, `<** `), PHPMailer (`CLIENT -> SERVER:`,
//! `SERVER -> CLIENT:`), sendmail's session transcript (`>>> `, `<<< `) and
//! `C:`/`S:` listings. Only a 4xx or 5xx reply is a failure; it is about
//! the command it answers: a `RCPT TO` for its recipient, the end of the
//! data for every recipient accepted before.

use super::names::{address, host};
use super::reply::outcome_at;
use super::tally::Tally;
use super::turns::{said, Said, SIGNS};
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use crate::status;
use std::borrow::Cow;
use std::collections::VecDeque;

/// The command a reply answers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Command<'a> {
    Mail,
    Rcpt(Option<&'a str>),
    Data,
    EndOfData,
    Other,
}

pub(super) fn read(text: &str) -> Option<Finding> {
    if !SIGNS.iter().any(|s| text.contains(s)) {
        return None;
    }
    let mut tally = Tally::new(Input::SmtpTranscript);
    let mut session = Session::default();
    let mut server_line = false;
    for (start, line) in text_lines(text) {
        let said = match said(line) {
            // PHPMailer indents the further lines of a reply.
            Said::Nothing if server_line && line.starts_with([' ', '\t']) => {
                Said::Server(line.trim())
            }
            said => said,
        };
        server_line = matches!(said, Said::Server(_));
        match said {
            Said::Client(command) => session.client(command, &mut tally),
            Said::Server(reply) => session.server(line, start, reply, &mut tally),
            Said::Connected(to) => session.remote = host(to.trim_end_matches(':')),
            Said::Nothing => {}
        }
    }
    (session.commands > 0 && session.replies > 0).then(|| tally.finish())?
}

#[derive(Default)]
struct Session<'a> {
    /// Commands not yet answered, oldest first (a client may pipeline).
    pending: VecDeque<Command<'a>>,
    /// The first line of a reply still going on (`550-…`).
    partial: Option<(&'a str, usize, &'a str)>,
    /// The last reply asked for more (`334`: credentials follow).
    challenged: bool,
    in_data: bool,
    accepted: Vec<Cow<'a, str>>,
    remote: Option<String>,
    greeting: Option<String>,
    commands: usize,
    replies: usize,
}

impl<'a> Session<'a> {
    fn client(&mut self, line: &'a str, tally: &mut Tally<'a>) {
        if self.in_data {
            return;
        }
        if let Some((line, start, reply)) = self.partial.take() {
            // A reply that never ended (or was glued on one line) answered.
            self.answer(line, start, reply, tally);
        }
        let verb = line
            .split([' ', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let command = match verb.as_str() {
            "MAIL" => Command::Mail,
            "RCPT" => Command::Rcpt(line.split_once(':').map(|(_, a)| a)),
            "DATA" => Command::Data,
            "BDAT" => Command::EndOfData,
            "EHLO" | "HELO" | "LHLO" | "QUIT" | "RSET" | "NOOP" | "STARTTLS" | "AUTH" | "VRFY"
            | "EXPN" | "HELP" => Command::Other,
            // Credentials answer a 334; anything else is no command.
            _ if std::mem::take(&mut self.challenged) => Command::Other,
            _ => return,
        };
        if command == Command::Mail || verb == "RSET" {
            self.accepted.clear();
        }
        self.commands += 1;
        self.pending.push_back(command);
    }

    fn server(&mut self, line: &'a str, start: usize, reply: &'a str, tally: &mut Tally<'a>) {
        let Some(code) = status::leading_reply(reply) else {
            return;
        };
        self.replies += 1;
        if reply.trim_start().as_bytes().get(3) == Some(&b'-') {
            self.partial.get_or_insert((line, start, reply));
            return;
        }
        // A failure is read from its first line, where its code stands.
        let first = self.partial.take().filter(|_| code >= 400);
        let (line, start, reply) = first.unwrap_or((line, start, reply));
        self.answer(line, start, reply, tally);
    }

    fn answer(&mut self, line: &'a str, start: usize, reply: &'a str, tally: &mut Tally<'a>) {
        let code = status::leading_reply(reply).unwrap_or(0);
        self.challenged = code == 334;
        let Some(command) = self.pending.pop_front() else {
            // No command yet: the greeting, which names the server.
            let named = reply
                .trim_start()
                .get(4..)
                .and_then(|r| host(r.split(' ').next()?));
            self.greeting = self.greeting.take().or(named);
            return self.fail(line, start, reply, code, &[], tally);
        };
        match (command, code / 100) {
            (Command::Rcpt(to), 2) => self.accepted.extend(to.and_then(address).map(Cow::Owned)),
            (Command::Data, 3) => {
                self.in_data = true;
                self.pending.push_front(Command::EndOfData);
            }
            (Command::Rcpt(to), _) => {
                let to: Vec<Cow<'a, str>> =
                    to.and_then(address).map(Cow::Owned).into_iter().collect();
                self.fail(line, start, reply, code, &to, tally);
            }
            (Command::Data | Command::EndOfData, _) => {
                self.in_data = false;
                self.fail(line, start, reply, code, &self.accepted, tally);
            }
            (Command::Mail | Command::Other, _) => self.fail(line, start, reply, code, &[], tally),
        }
    }

    fn fail(
        &self,
        line: &'a str,
        start: usize,
        reply: &'a str,
        code: u16,
        to: &[Cow<'a, str>],
        tally: &mut Tally<'a>,
    ) {
        if !(400..600).contains(&code) {
            return;
        }
        let Some(mut outcome) = outcome_at(line, start, reply) else {
            return;
        };
        outcome.remote = self
            .remote
            .clone()
            .or_else(|| self.greeting.clone())
            .map(Cow::Owned);
        if to.is_empty() {
            return tally.add(None, outcome);
        }
        for address in to {
            tally.add(Some(address.clone()), outcome.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    #[test]
    fn only_the_failing_reply_counts() {
        let text = "=== Connected to mx.fabrikam.example.\n<-  220 mx.fabrikam.example ESMTP Version: 15.20.5.7.705 ready\n -> EHLO me.example\n<-  250-mx.fabrikam.example Hello\n<-  250 ENHANCEDSTATUSCODES\n -> MAIL FROM:<a@contoso.example>\n<-  250 2.1.0 Sender OK\n -> RCPT TO:<k@fabrikam.example>\n<** 550 5.1.1 User unknown\n -> QUIT\n<-  221 2.0.0 Bye\n";
        let f = read(text).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.1.1".into(), Some(550))
        );
        assert_eq!(
            (f.recipients[0].address.as_str(), f.remote_mta.as_deref()),
            ("k@fabrikam.example", Some("mx.fabrikam.example"))
        );
        let e = f.evidence.unwrap();
        assert_eq!(&e.line[e.highlight], "5.1.1");
    }

    #[test]
    fn refused_data_fails_every_accepted_recipient() {
        let text = "send: 'mail FROM:<a@contoso.example>\\r\\n'\nreply: b'250 2.1.0 OK\\r\\n'\nsend: 'rcpt TO:<x@f.example>\\r\\n'\nreply: b'250 2.1.5 OK\\r\\n'\nsend: 'rcpt TO:<y@f.example>\\r\\n'\nreply: b'451 4.2.2 full\\r\\n'\nsend: 'rcpt TO:<z@f.example>\\r\\n'\nreply: b'250 2.1.5 OK\\r\\n'\nsend: 'data\\r\\n'\nreply: b'354 go\\r\\n'\nsend: b'Subject: x\\r\\n\\r\\nRCPT TO:<w@f.example>\\r\\n.\\r\\n'\nreply: b'550 5.7.705 denied\\r\\n'\n";
        let f = read(text).unwrap();
        let got: Vec<&str> = f.recipients.iter().map(|r| r.address.as_str()).collect();
        assert_eq!(got, ["x@f.example", "z@f.example"]);
        assert_eq!(f.status.unwrap().to_string(), "5.7.705");
    }

    #[test]
    fn pipelined_and_multiline_replies() {
        let text = "C: MAIL FROM:<a@c.example>\nC: RCPT TO:<x@f.example>\nC: RCPT TO:<@relay.f.example:y@f.example>\nS: 250 OK\nS: 550-5.7.1 first line\nS: 550 5.7.1 second line\nS: 250 OK\n";
        let f = read(text).unwrap();
        assert_eq!(f.recipients[0].address, "x@f.example");
        assert_eq!(f.diagnostic.as_deref(), Some("550-5.7.1 first line"));
        let glued = "CLIENT -> SERVER: EHLO x\nSERVER -> CLIENT: 250-a250-b250 c\nCLIENT -> SERVER: MAIL FROM:<a@c.example>\nSERVER -> CLIENT: 550 5.7.750 blocked\n";
        assert!(read(glued).unwrap().recipients.is_empty());
    }

    #[test]
    fn no_session_no_finding() {
        for text in [
            ">>> import smtplib\n>>> 550 5.1.1",
            "send: nothing",
            "<<< 550 5.1.1 x\n",
            " -> RCPT TO:<a@b.example>\n",
            ">>> Hi Chris,\n>>> Remote Server returned '550 5.7.705'",
        ] {
            assert!(read(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn a_million_rcpt_lines() {
        let mut text = String::from(" -> MAIL FROM:<a@c.example>\n<-  250 OK\n");
        for i in 0..1_000_000 {
            text.push_str(&format!(
                " -> RCPT TO:<u{i}@f.example>\n<** 550 5.1.1 unknown ü\n"
            ));
        }
        let f = read(&text).unwrap();
        assert_eq!(f.recipients.len(), crate::MAX_RECIPIENTS);
        assert!(matches!(
            f.limits[..],
            [crate::bounce::Limit::TooManyRecipients { .. }]
        ));
        let long = format!(" -> DATA\n<** 554 5.7.1 {}\n", "<** ".repeat(1 << 18));
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
    }
}
