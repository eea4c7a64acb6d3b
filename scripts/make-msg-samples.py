#!/usr/bin/env python3
"""Writes the made-up Outlook items of tests/samples/msg/ and checks each one.

No public .msg non-delivery report exists, so these are made up: the texts are
written like Exchange Online's NDRs (example names only: contoso.example,
fabrikam.example, 192.0.2.x), the files are written by an independent writer,
aspose-email-foss (MIT, pure Python), the compressed RTF by compressed-rtf, and
every written file is read back with a second independent reader, extract-msg,
which must find the same class, subject, recipients and report properties.

Run it in a virtual environment with the pinned versions:

    python3 -m venv /tmp/msg-venv
    /tmp/msg-venv/bin/pip install -r scripts/requirements-msg.txt
    /tmp/msg-venv/bin/python scripts/make-msg-samples.py

It rewrites tests/samples/msg/*.msg and labels.tsv. It is not part of the
test command: tests/msg.rs reads the committed files.
"""

from datetime import datetime, timezone
from pathlib import Path
import warnings

import compressed_rtf
import extract_msg
from aspose.email_foss import msg

OUT = Path(__file__).resolve().parent.parent / "tests" / "samples" / "msg"
WHEN = datetime(2026, 4, 20, 14, 5, 43, tzinfo=timezone.utc)

# Property ids and types ([MS-OXPROPS]; [MS-OXOMSG] 2.2.2.30-2.2.2.36).
PT_LONG, PT_STRING8, PT_UNICODE, PT_BINARY = 0x0003, 0x001E, 0x001F, 0x0102
NDR_REASON_CODE, NDR_DIAG_CODE, NDR_STATUS_CODE = 0x0C04, 0x0C05, 0x0C20
SUPPLEMENTARY_INFO, REMOTE_MTA, REPORTING_MTA = 0x0C1B, 0x0C21, 0x6820
RECEIVED_BY_NAME, RECEIVED_BY_EMAIL = 0x0040, 0x0076
ORIGINAL_SUBJECT, ORIGINAL_DISPLAY_TO = 0x0049, 0x0074
MESSAGE_CODEPAGE, INTERNET_CPID, RTF_COMPRESSED = 0x3FFD, 0x3FDE, 0x1009

SERVER = "AM6PR01MB1234.eurprd01.prod.outlook.com"
SENDER = ("Pat Lee", "pat.lee@contoso.example")
ARBITRATION = "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example"

# What each code's notification says to the sender (our own words).
EXPLAIN = {
    "5.7.705": "Your message wasn't delivered because your organization is blocked from sending mail for now: the service saw too much spam or bulk mail leave it. Until the block is lifted, nobody in your organization can send mail outside it.",
    "5.7.750": "Your message wasn't delivered because your organization's mail is being sent from domains it hasn't registered, and sending from them is blocked until this is put right.",
    "5.7.708": "Your message wasn't delivered because it left from an IP address that receiving servers don't trust, so the service refused to pass it on.",
    "5.1.1": "Your message wasn't delivered because the address couldn't be found, or it can't receive mail.",
    "5.2.2": "Your message wasn't delivered because the recipient's mailbox is full.",
    "4.4.7": "Your message hasn't been delivered yet. The server will keep trying for a while and tell you if it gives up.",
}
REPLY = {
    "5.7.705": "550 5.7.705 Access denied, tenant has exceeded threshold",
    "5.7.750": "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains",
    "5.7.708": "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.",
    "5.1.1": "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",
    "5.2.2": "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException",
    "4.4.7": "451 4.4.7 Message delayed",
}


def notification(rows, original_subject):
    """The plain-text body of an Exchange Online NDR for `rows` (name, address, code)."""
    delayed = rows[0][2].startswith("4.")
    first = "Delivery is delayed to these recipients or groups:" if delayed else "Delivery has failed to these recipients or groups:"
    lines = [first, ""]
    for name, address, code in rows:
        lines += [f"{name} ({address})", EXPLAIN[code], ""]
    lines += [
        "Ask your email admin for help and send them this message.",
        "",
        "",
        "Diagnostic information for administrators:",
        "",
        f"Generating server: {SERVER}",
        "",
    ]
    for _, address, code in rows:
        lines += [address, f"Remote Server returned '{REPLY[code]}'", ""]
    lines += [
        "Original message headers:",
        "",
        f"Received: from {SERVER} (2001:db8:20b:1a2::15) by",
        f" {SERVER} with HTTPS; Mon, 20 Apr 2026 14:05:41 +0000",
        f"From: {SENDER[0]} <{SENDER[1]}>",
        f"To: {', '.join(address for _, address, _ in rows)}",
        f"Subject: {original_subject}",
        "Date: Mon, 20 Apr 2026 14:05:41 +0000",
        "",
    ]
    return "\r\n".join(lines)


def html(text):
    """The same notification as the HTML body Exchange Online sends."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paragraphs = "".join(f"<p>{p}</p>\r\n" for p in escaped.split("\r\n\r\n"))
    body = paragraphs.replace("\r\n", "<br>\r\n")
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>\r\n{body}</body></html>'


def rtf_from_html(page):
    """RTF encapsulating `page` ([MS-OXRTFEX]): every tag in an \\htmltag group."""
    out = ["{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\r\n"]
    i = 0
    while i < len(page):
        if page[i] == "<":
            end = page.index(">", i) + 1
            out.append("{\\*\\htmltag64 " + rtf_escape(page[i:end]) + "}")
            i = end
        else:
            end = page.find("<", i)
            end = len(page) if end < 0 else end
            chunk = page[i:end].replace("\r\n", "")
            out.append("\\htmlrtf0 " + rtf_escape(chunk) + "\\htmlrtf ")
            i = end
    out.append("}")
    return "".join(out).encode("ascii")


def rtf_escape(text):
    parts = []
    for ch in text:
        if ch in "\\{}":
            parts.append("\\" + ch)
        elif ord(ch) < 128:
            parts.append(ch)
        elif ord(ch) < 256:
            parts.append(f"\\'{ord(ch):02x}")
        else:
            parts.append(f"\\u{ord(ch)}?")
    return "".join(parts)


def ndr(rows, original_subject, *, unicode=True, body="text", codepage=1252, status_only=(),
        klass="REPORT.IPM.Note.NDR", prefix="Undeliverable"):
    """An NDR item (REPORT.IPM.Note.NDR) whose recipient table holds `rows`."""
    subject = f"{prefix}: {original_subject}"
    item = msg.MapiMessage.create(subject, unicode_strings=unicode)
    item.message_class = klass
    string = PT_UNICODE if unicode else PT_STRING8
    item.set_property(msg.PropertyId.SENDER_NAME, "Microsoft Outlook")
    item.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, ARBITRATION)
    item.set_property(msg.PropertyId.MESSAGE_DELIVERY_TIME, WHEN)
    item.set_property(RECEIVED_BY_NAME, string, SENDER[0])
    item.set_property(RECEIVED_BY_EMAIL, string, SENDER[1])
    item.set_property(ORIGINAL_SUBJECT, string, original_subject)
    item.set_property(ORIGINAL_DISPLAY_TO, string, "; ".join(n for n, _, _ in rows))
    item.set_property(REPORTING_MTA, string, SERVER)
    item.set_property(MESSAGE_CODEPAGE, PT_LONG, codepage)
    item.set_property(INTERNET_CPID, PT_LONG, codepage)
    text = notification(rows, original_subject)
    if body == "text":
        item.body = text
    elif body == "html":
        item.body_html = html(text)
    elif body == "rtf":
        item.set_property(RTF_COMPRESSED, PT_BINARY, compressed_rtf.compress(rtf_from_html(html(text)), compressed=True))
    for name, address, code in rows:
        recipient = item.add_recipient(address, display_name=name)
        kind, subject_digit, detail = (int(p) for p in code.split("."))
        # [MS-OXCMAIL] 2.2.3.7.1.3: class * 100 + subject * 10 + detail, each part over 9 counted as 0.
        value = kind * 100 + (subject_digit if subject_digit <= 9 else 0) * 10 + (detail if detail <= 9 else 0)
        recipient.set_property(NDR_STATUS_CODE, PT_LONG, value)
        recipient.set_property(NDR_REASON_CODE, PT_LONG, 1 if code == "5.1.1" else 0)
        recipient.set_property(NDR_DIAG_CODE, PT_LONG, 35 if code == "5.1.1" else -1)
        if address not in status_only:
            recipient.set_property(SUPPLEMENTARY_INFO, string, f"<{SERVER} #{code} smtp;{REPLY[code]}>")
            recipient.set_property(REMOTE_MTA, string, SERVER)
    return item


def note(subject, text, *, attach=None):
    """A person's message, optionally carrying another item as an attachment."""
    item = msg.MapiMessage.create(subject, text)
    item.set_property(msg.PropertyId.SENDER_NAME, "Sam Roy")
    item.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, "sam.roy@contoso.example")
    item.set_property(msg.PropertyId.MESSAGE_DELIVERY_TIME, WHEN)
    item.add_recipient("helpdesk@contoso.example", display_name="Help Desk")
    if attach is not None:
        item.add_embedded_message_attachment(attach)
    return item


def report(klass, subject, text, recipient):
    """A delivery receipt or a read receipt."""
    item = msg.MapiMessage.create(subject, text)
    item.message_class = klass
    item.set_property(msg.PropertyId.SENDER_NAME, "Microsoft Outlook")
    item.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, ARBITRATION)
    item.set_property(msg.PropertyId.MESSAGE_DELIVERY_TIME, WHEN)
    item.set_property(RECEIVED_BY_EMAIL, PT_UNICODE, SENDER[1])
    item.add_recipient(recipient, display_name=recipient)
    return item


def samples():
    """(file, item, kind, statuses, recipients, note) for every sample."""
    one_705 = [("Fabrikam Orders", "orders@fabrikam.example", "5.7.705")]
    one_750 = [("Hélène Roux", "helene.roux@fabrikam.example", "5.7.750")]
    one_708 = [("Fabrikam Sales", "sales@fabrikam.example", "5.7.708")]
    one_511 = [("Jo Smith", "jo.smith@fabrikam.example", "5.1.1")]
    several = [
        ("Kim Ode", "kim.ode@fabrikam.example", "5.1.1"),
        ("Lou Park", "lou.park@fabrikam.example", "5.2.2"),
        ("Max Dunn", "max.dunn@fabrikam.example", "5.1.1"),
    ]
    yield ("ndr-705-unicode.msg", ndr(one_705, "Q2 price list"), "failure", one_705,
           "Unicode properties, text body; status from PidTagSupplementaryInfo")
    yield ("ndr-750-string8.msg", ndr(one_750, "Réunion d’équipe", unicode=False), "failure", one_750,
           "8-bit properties in code page 1252 (accented names), text body")
    yield ("ndr-708-html-only.msg", ndr(one_708, "Offer", body="html"), "failure", one_708,
           "no PidTagBody: the body is only PidTagHtml")
    yield ("ndr-511-rtf-only.msg", ndr(one_511, "Invoice 4471", unicode=False, body="rtf"), "failure", one_511,
           "8-bit properties; no PidTagBody nor PidTagHtml: the body is only compressed RTF encapsulating HTML")
    yield ("ndr-several-recipients.msg",
           ndr(several, "Team lunch", status_only=("max.dunn@fabrikam.example",)), "failure", several,
           "three recipients with their own codes; the third has no PidTagSupplementaryInfo, only PidTagNonDeliveryReportStatusCode 511 and DiagCode 35")
    yield ("fwd-attached-ndr-750.msg",
           note("FW: Undeliverable: Réunion d’équipe", "Hi, I keep getting this when I write to Fabrikam. Can you help?",
                attach=ndr(one_750, "Réunion d’équipe")),
           "failure", one_750, "an IPM.Note forwarded as attachment: the NDR is an embedded item (PidTagAttachMethod 5)")
    inner = note("FW: Undeliverable: Q2 price list", "Forwarding the bounce I got.", attach=ndr(one_705, "Q2 price list"))
    yield ("fwd-of-fwd-705.msg",
           note("FW: FW: Undeliverable: Q2 price list", "Passing this on to the help desk.", attach=inner),
           "failure", one_705, "a forward of a forward: the NDR is two items deep")
    late = [("Fabrikam Orders", "orders@fabrikam.example", "4.4.7")]
    yield ("delay-447.msg", ndr(late, "Q2 price list", klass="REPORT.IPM.Note.Delayed.DR", prefix="Delivery delayed"),
           "delay", late, "a delay report (REPORT.IPM.Note.Delayed.DR, [MS-OXCMAIL] 2.2.3.7.1.1)")
    yield ("dr-delivered.msg",
           report("REPORT.IPM.Note.DR", "Delivered: Q2 price list",
                  "Your message has been delivered to the following recipients:\r\n\r\norders@fabrikam.example\r\n",
                  "orders@fabrikam.example"),
           "delivered", [("", "orders@fabrikam.example", "2.0.0")], "a delivery receipt (REPORT.IPM.Note.DR)")
    yield ("rn-read.msg",
           report("REPORT.IPM.Note.IPNRN", "Read: Q2 price list",
                  "Your message\r\n\r\n  To: Fabrikam Orders\r\n  Subject: Q2 price list\r\n\r\nwas read on Monday, 20 April 2026 14:07:12 (UTC).\r\n",
                  "orders@fabrikam.example"),
           "not_a_bounce", [], "a read receipt (REPORT.IPM.Note.IPNRN): not a delivery report")


def check(path, item, rows):
    """Reads `path` back with extract-msg and compares it with what was written."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read = extract_msg.openMsg(str(path))
    try:
        assert read.subject == item.subject, (path, read.subject, item.subject)
        klass = read.getStringStream("__substg1.0_001A")
        assert klass == item.message_class, (path, klass)
        if item.message_class.endswith((".NDR", ".Delayed.DR")):
            assert len(read.recipients) == len(rows), (path, len(read.recipients))
            for recipient, (_, address, code) in zip(read.recipients, rows):
                assert recipient.email == address, (path, recipient.email)
                value = recipient.getPropertyVal("0C200003")
                assert value is not None and str(value)[0] == code[0], (path, value)
                info = recipient.getStringStream("__substg1.0_0C1B")
                assert info is None or f"#{code} " in info, (path, info)
            body = read.body or read.htmlBody or read.rtfBody
            assert body, (path, "no body")
        attachments = [a for a in read.attachments if a.type.name == "MSG"]
        for attachment in attachments:
            assert attachment.data.subject, (path, "embedded item without subject")
    finally:
        read.close()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    labels = ["file\tkind\tstatus\tsmtp_code\trecipients\tsubject\tnote"]
    for name, item, kind, rows, comment in samples():
        path = OUT / name
        item.save(path)
        check(path, item, rows)
        statuses = ",".join(code for _, _, code in rows) if kind != "not_a_bounce" else ""
        addresses = ",".join(address for _, address, _ in rows)
        smtp = {"failure": "550", "delay": "451"}.get(kind, "")
        labels.append(f"{name}\t{kind}\t{statuses}\t{smtp}\t{addresses}\t{item.subject}\t{comment}")
        print(f"{name}: written and read back")
    (OUT / "labels.tsv").write_text("\n".join(labels) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
