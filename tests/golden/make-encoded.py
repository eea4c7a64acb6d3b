#!/usr/bin/env python3
"""Writes the made-up golden samples whose exact bytes matter.

These samples are NOT real bounces: the project wrote them from the formats'
documentation and from the structure of real bounces (see tests/golden/README.md
and each folder's labels.tsv). This script owns every file of

    utf16/  charsets/  exchange-address-lines/  headings-languages/

and the few files of the other folders of the same section that need an
encoding step (quoted-printable, base64, a non-UTF-8 charset or CRLF line
ends). Every other sample of those folders is a plain text file kept as is.

    python3 tests/golden/make-encoded.py          # (re)write the files
    python3 tests/golden/make-encoded.py --check  # parse and check every sample

The text of each sample is written here in readable form; the helpers below
turn it into the bytes a mail system, Outlook or PowerShell would store.
"""

import base64
import email
import email.policy
import email.quoprimime
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDERS = [
    "utf16", "charsets", "exchange-address-lines", "plain-text-bounces",
    "per-recipient-codes", "generic-vs-specific", "broken-mime",
    "version-strings", "headings-languages", "junk-recipients",
]
WRITTEN = []


# ---------------------------------------------------------------- encoders

def qp(text, charset):
    """Quoted-printable body of `text` in `charset`, lines of at most 76."""
    raw = text.encode(charset).decode("latin-1")
    body = email.quoprimime.body_encode(raw, maxlinelen=76, eol="\n")
    return body if body.endswith("\n") else body + "\n"


def b64(text, charset):
    """Base64 body of `text` in `charset`, lines of 76."""
    return base64.encodebytes(text.encode(charset)).decode("ascii")


def words(text, charset, enc="B", room=75):
    """RFC 2047 encoded words for `text`, each at most `room` characters.

    Each word encodes whole characters on its own, so a stateful charset
    (ISO-2022-JP) opens and closes its escape sequences in every word."""
    out, chunk = [], ""
    for ch in text:
        if len(one_word(chunk + ch, charset, enc)) > room and chunk:
            out.append(one_word(chunk, charset, enc))
            chunk = ""
        chunk += ch
    if chunk:
        out.append(one_word(chunk, charset, enc))
    return out


def one_word(text, charset, enc):
    raw = text.encode(charset)
    if enc == "B":
        payload = base64.b64encode(raw).decode("ascii")
    else:
        # Q as Exchange writes it: printable ASCII kept, space as "_"
        payload = "".join(
            "_" if b == 0x20 else chr(b) if 0x21 <= b <= 0x7E and chr(b) not in "=?_"
            else "=%02X" % b for b in raw)
    return "=?%s?%s?%s?=" % (charset, enc, payload)


def ew(text, charset, enc="B"):
    """One encoded word (short texts: display names, subjects in returned headers)."""
    return one_word(text, charset, enc)


def mailbox(text, charset):
    """`Name <addr>` with the name as an encoded word when it is not ASCII."""
    if all(ord(c) < 128 for c in text) or "<" not in text:
        return text
    name, rest = text.split(" <", 1)
    return ew(name, charset) + " <" + rest


def header(name, text, charset, enc="B"):
    """A header line with `text` as encoded words, folded one word a line."""
    return name + ": " + "\n ".join(words(text, charset, enc, 75)) + "\n"


def html_of(text):
    """A plain HTML rendering of a text part, the way Exchange pairs them."""
    esc = (text.replace("&", "&amp;").replace("<", "&lt;")
           .replace(">", "&gt;").replace("'", "&#39;"))
    esc = re.sub(r"(\S+)&lt;mailto:([^&\s]+)&gt;", r'<a href="mailto:\2">\1</a>', esc)
    paras = [p.replace("\n", "<br>\n") for p in esc.strip("\n").split("\n\n")]
    return ("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; "
            "charset=utf-8\">\n</head>\n<body>\n<p>"
            + "</p>\n<p>".join(paras) + "</p>\n</body>\n</html>\n")


# ----------------------------------------------------------------- writers

def put(folder, name, data):
    """Writes bytes (or ASCII/UTF-8 text) as folder/name."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = os.path.join(HERE, folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    WRITTEN.append(os.path.join(folder, name))


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def powershell_fl(records, width=120):
    """`Format-List` output: `Name : value`, long values wrapped on spaces with
    the continuation indented under the value, two blank lines around."""
    out = ["", ""]
    for rec in records:
        pad = max(len(k) for k, _ in rec)
        for k, v in rec:
            lead = k.ljust(pad) + " : "
            room = width - len(lead)
            first = True
            line = ""
            for piece in (v.split(" ") if v else [""]):
                cand = piece if not line else line + " " + piece
                if len(cand) > room and line:
                    out.append((lead if first else " " * len(lead)) + line)
                    first = False
                    line = piece
                else:
                    line = cand
            out.append((lead if first else " " * len(lead)) + line)
        out.append("")
    out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------- Exchange NDR, any language

class Lang:
    """The fixed wording of one Exchange NDR language."""

    def __init__(self, tag, subject, heading, diag, gen, orig):
        self.tag = tag            # Content-Language
        self.subject = subject    # "Undeliverable:"
        self.heading = heading    # "Delivery has failed to these recipients or groups:"
        self.diag = diag          # "Diagnostic information for administrators:"
        self.gen = gen            # "Generating server:"
        self.orig = orig          # "Original message headers:"


EN = Lang("en-US", "Undeliverable:", "Delivery has failed to these recipients or groups:",
          "Diagnostic information for administrators:", "Generating server:",
          "Original message headers:")


def original_headers(frm, to, subject, date, msgid, server, client_ip="2001:db8:20b:1a2::15",
                     lang="en-US", charset="us-ascii"):
    """The returned copy's headers, in the order Exchange Online keeps them."""
    return (
        "Received: from %s (%s) by\n %s with HTTPS; %s\n" % (server, client_ip, server, date)
        + "From: %s\n" % frm
        + "To: %s\n" % to
        + "Subject: %s\n" % subject
        + "Thread-Topic: %s\n" % subject
        + "Thread-Index: AdqXc1Jm0k2Pq8nLS0eS9wW1fQ7Ffg==\n"
        + "Date: %s\n" % date
        + "Message-ID: <%s>\n" % msgid
        + "Accept-Language: %s\nContent-Language: %s\nX-MS-Has-Attach:\n" % (lang, lang)
        + "X-MS-TNEF-Correlator:\n"
        + "Content-Type: text/plain; charset=\"%s\"\n" % charset
        + "Content-Transfer-Encoding: quoted-printable\nMIME-Version: 1.0\n"
    )


def exchange_ndr(lang, charset, *, server, ndr_from, to, date, subject, rcpts, human,
                 orig, boundary, msgid, in_reply_to, cte="quoted-printable",
                 dsn=True, html=True, subject_charset=None, extra=""):
    """An Exchange / Exchange Online classic NDR.

    rcpts: list of (display line, address, diagnostic line, dsn status, dsn reply)."""
    listed = "\n".join(d for d, _, _, _, _ in rcpts)
    diag = "\n\n".join("%s\n%s" % (a, line) for _, a, line, _, _ in rcpts)
    text = ("%s\n\n%s\n%s\n\n\n\n\n\n\n\n\n%s\n\n%s %s\n\n%s\n\n%s\n\n%s"
            % (lang.heading, listed, human, lang.diag, lang.gen, server, diag,
               lang.orig, orig))
    if cte == "quoted-printable":
        enc = qp
    elif cte == "base64":
        enc = b64
    else:  # 7bit / 8bit: the charset's own bytes, carried as latin-1 characters
        def enc(t, cs):
            return t.encode(cs).decode("latin-1")
    h = hashlib.md5(boundary.encode()).hexdigest()
    inner = "%s-%s-5%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:32])
    subj_cs = subject_charset or charset
    if all(ord(c) < 128 for c in subject):
        subj = "Subject: %s\n" % subject
    else:
        subj = header("Subject", subject, subj_cs, "Q" if cte == "quoted-printable" else "B")
    parts = [
        "--%s\nContent-Type: multipart/alternative; differences=Content-Type;\n"
        "\tboundary=\"%s\"\n\n--%s\nContent-Type: text/plain; charset=\"%s\"\n"
        "Content-Transfer-Encoding: %s\n\n%s" % (boundary, inner, inner, charset, cte,
                                                 enc(text, charset))
    ]
    if html:
        parts.append("\n--%s\nContent-Type: text/html; charset=\"%s\"\n"
                     "Content-Transfer-Encoding: %s\n\n%s"
                     % (inner, charset, cte, enc(html_of(text).replace(
                         "charset=utf-8", "charset=" + charset), charset)))
    parts.append("\n--%s--\n" % inner)
    if dsn:
        blocks = "".join(
            "\nFinal-Recipient: rfc822;%s\nAction: failed\nStatus: %s\n"
            "Diagnostic-Code: smtp;%s\n" % (a, st, rep)
            for _, a, _, st, rep in rcpts)
        parts.append("\n--%s\nContent-Type: message/delivery-status\n\n"
                     "Reporting-MTA: dns;%s\nReceived-From-MTA: dns;%s\n"
                     "Arrival-Date: %s\n%s" % (boundary, server, server, date, blocks))
    parts.append("\n--%s\nContent-Type: text/rfc822-headers\n\n%s\n--%s--\n"
                 % (boundary, orig, boundary))
    head = ("MIME-Version: 1.0\nFrom: %s\nTo: %s\nDate: %s\n"
            "Content-Type: multipart/report; report-type=delivery-status;\n"
            "\tboundary=\"%s\"\nX-MS-Exchange-Message-Is-Ndr:\nContent-Language: %s\n"
            "Message-ID: <%s>\nIn-Reply-To: <%s>\nReferences: <%s>\n%s"
            "Auto-Submitted: auto-replied\n%sReturn-Path: <>\n\n"
            % (ndr_from, to, date, boundary, lang.tag, msgid, in_reply_to, in_reply_to,
               subj, extra))
    return head + "".join(parts)


# ------------------------------------------------------------------ utf16/
# Windows PowerShell 5.1: `>` and Out-File write UTF-16LE with a BOM and CRLF;
# `Out-File -Encoding BigEndianUnicode` UTF-16BE with a BOM; `-Encoding utf8`
# UTF-8 with a BOM; [Text.Encoding]::Unicode.GetBytes() UTF-16LE with no BOM.

def le_bom(text):
    return b"\xff\xfe" + crlf(text).encode("utf-16-le")


def be_bom(text):
    return b"\xfe\xff" + crlf(text).encode("utf-16-be")


def utf16():
    ndr_705 = """From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>
Sent: Tuesday, March 10, 2026 9:14 AM
To: Dana Whit <dana.whit@contoso.example>
Subject: Undeliverable: March newsletter

Delivery has failed to these recipients or groups:

Fabrikam News (news@fabrikam.example)
Your message couldn't be delivered because your organization is blocked from sending email for now. Too much spam or bulk email left it recently. Nothing can be sent until the block is lifted.

Contact your email admin and forward this message.









Diagnostic information for administrators:

Generating server: DB9PR01MB6789.eurprd01.prod.outlook.com

news@fabrikam.example
Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'

Original message headers:

Received: from DB9PR01MB6789.eurprd01.prod.outlook.com (2001:db8:5a1::3) by
 DB9PR01MB6789.eurprd01.prod.outlook.com with HTTPS; Tue, 10 Mar 2026 09:14:02 +0000
From: Dana Whit <dana.whit@contoso.example>
To: Fabrikam News <news@fabrikam.example>
Subject: March newsletter
Date: Tue, 10 Mar 2026 09:14:01 +0000
Message-ID: <DB9PR01MB67892A7F3C1D4E5B6A7F8E9D0C1B2A3F4E5@DB9PR01MB6789.eurprd01.prod.outlook.com>
Content-Language: en-US
MIME-Version: 1.0
"""
    put("utf16", "madeup-utf16-01-ndr-copy-le-bom.txt", le_bom(ndr_705))

    mep = ('<root><MEP Name="ConnectorId" String="Outbound to Internet"/>'
           '<MEP Name="ReturnPath" String="bounces+orders@shop.contoso.example"/>'
           '<MEP Name="ClientIP" String="198.51.100.44"/>'
           '<MEP Name="ServerHostName" String="AM9PR01MB7654"/></root>')
    trace = [
        [("MessageTraceId", "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"),
         ("MessageId", "<20260312162105.4F2A@shop.contoso.example>"),
         ("Date", "3/12/2026 4:21:06 PM"), ("Event", "Receive"), ("Action", ""),
         ("Detail", "Message received by: AM9PR01MB7654.eurprd01.prod.outlook.com"),
         ("Data", mep), ("SenderAddress", "orders@shop.contoso.example"),
         ("RecipientAddress", "buyer@fabrikam.example")],
        [("MessageTraceId", "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"),
         ("MessageId", "<20260312162105.4F2A@shop.contoso.example>"),
         ("Date", "3/12/2026 4:21:07 PM"), ("Event", "Fail"), ("Action", ""),
         ("Detail", "Reason: [{LED=550 5.7.750 Service unavailable. Client blocked from sending "
                    "from unregistered domains};{MSG=};{FQDN=};{IP=};{LRT=}]. "
                    "OutboundProxyTargetIP: . OutboundProxyTargetHostName:"),
         ("Data", '<root><MEP Name="RecipientReference" String="buyer@fabrikam.example"/>'
                  '<MEP Name="ServerHostName" String="AM9PR01MB7654"/></root>'),
         ("SenderAddress", "orders@shop.contoso.example"),
         ("RecipientAddress", "buyer@fabrikam.example")],
    ]
    put("utf16", "madeup-utf16-02-messagetrace-le-bom.txt", le_bom(
        powershell_fl(trace)))

    queue = [[
        ("RunspaceId", "5b0f6a1e-93c2-4d7e-b6a8-1f2e3d4c5b6a"),
        ("DeliveryType", "SmartHostConnectorDelivery"),
        ("NextHopDomain", "contoso-example.mail.protection.outlook.com"),
        ("TlsDomain", "mail.protection.outlook.com"),
        ("NextHopConnector", "8d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09"),
        ("Status", "Retry"), ("MessageCount", "214"),
        ("LastError", "[{LRT=3/16/2026 8:11:42 AM};{LED=451 4.7.500 Server busy. Please try "
                      "again later from [198.51.100.20]. (S77714)};"
                      "{FQDN=contoso-example.mail.protection.outlook.com};{IP=203.0.113.40}]"),
        ("RetryCount", "9"), ("LastRetryTime", "3/16/2026 8:11:42 AM"),
        ("NextRetryTime", "3/16/2026 8:21:42 AM"), ("FirstRetryTime", "3/16/2026 6:58:03 AM"),
        ("DeferredMessageCount", "0"), ("LockedMessageCount", "0"),
        ("MessageCountsPerPriority", "{0, 214, 0, 0}"),
        ("DeferredMessageCountsPerPriority", "{0, 0, 0, 0}"), ("RiskLevel", "Normal"),
        ("OutboundIPPool", "0"), ("NextHopCategory", "External"), ("IncomingRate", "31"),
        ("OutgoingRate", "0"), ("Velocity", "-31"), ("OverrideSource", ""),
        ("QueueIdentity", "EX01\\27"), ("PriorityDescriptions", "{High, Normal, Low, None}"),
        ("Identity", "EX01\\27"), ("IsValid", "True"), ("ObjectState", "New")]]
    put("utf16", "madeup-utf16-03-queue-be-bom.txt", be_bom(
        powershell_fl(queue)))

    newstyle = """Your message to lee.ortiz@fabrikam.example couldn't be delivered.
lee.ortiz wasn't found at fabrikam.example.

pat.lee	Office 365	lee.ortiz
Action Required	Recipient

Unknown To address

How to Fix It
The address may be misspelled or may not exist. Check it, then send the message again.

More Info for Email Admins
Status code: 550 5.1.10

This error usually means the recipient's address does not exist at the destination domain.

Original Message Details
Created Date:	4/2/2026 10:37:55 AM
Sender Address:	pat.lee@contoso.example
Recipient Address:	lee.ortiz@fabrikam.example
Subject:	Site visit next week

Error Details
Reported error:	550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient lee.ortiz@fabrikam.example not found by SMTP address lookup
DSN generated by:	AM6PR01MB1234.eurprd01.prod.outlook.com

Message Hops
HOP	TIME (UTC)	FROM	TO	WITH	RELAY TIME
1	4/2/2026
10:37:55 AM	AM6PR01MB1234.eurprd01.prod.outlook.com	AM6PR01MB1234.eurprd01.prod.outlook.com	mapi	*
"""
    put("utf16", "madeup-utf16-04-ndr-copy-le-nobom.txt", crlf(newstyle).encode("utf-16-le"))

    terrl = [[
        ("MessageTraceId", "0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b"),
        ("MessageId", "<AS8PR01MB5566B2C4D6E8F0A1B3C5D7E9F1A3B5C7D9E@AS8PR01MB5566.eurprd01.prod.outlook.com>"),
        ("Date", "5/4/2026 11:02:44 AM"), ("Event", "Fail"), ("Action", ""),
        ("Detail", "Reason: [{LED=550 5.7.233 Your message can't be sent because your tenant "
                   "exceeded its daily limit for sending email to external recipients (tenant "
                   "external recipient rate limit)};{MSG=};{FQDN=};{IP=};{LRT=}]. "
                   "OutboundProxyTargetIP: . OutboundProxyTargetHostName:"),
        ("Data", '<root><MEP Name="ServerHostName" String="AS8PR01MB5566"/></root>'),
        ("SenderAddress", "events@contoso.example"),
        ("RecipientAddress", "guest.list@example.net")]]
    put("utf16", "madeup-utf16-05-messagetrace-utf8-bom.txt",
        b"\xef\xbb\xbf" + crlf(powershell_fl(terrl)).encode("utf-8"))

    stuck = [[
        ("RunspaceId", "c4d5e6f7-0812-4a3b-9c4d-5e6f70819203"),
        ("DeliveryType", "DnsConnectorDelivery"), ("NextHopDomain", "fabrikam.example"),
        ("TlsDomain", ""), ("NextHopConnector", "2f4e6d8c-1a3b-4c5d-8e9f-0a1b2c3d4e5f"),
        ("Status", "Retry"), ("MessageCount", "3"),
        ("LastError", "[{LRT=3/18/2026 7:42:10 AM};{LED=451 4.4.0 Primary target IP address "
                      "responded with: \"421 4.4.1 Connection timed out.\" Attempted failover "
                      "to alternate host, but that did not succeed. Either there are no "
                      "alternate hosts, or delivery failed to all alternate hosts. The last "
                      "endpoint attempted was 203.0.113.25:25};{FQDN=mx.fabrikam.example};"
                      "{IP=203.0.113.25}]"),
        ("RetryCount", "14"), ("LastRetryTime", "3/18/2026 7:42:10 AM"),
        ("NextRetryTime", "3/18/2026 7:52:10 AM"), ("FirstRetryTime", "3/18/2026 4:10:31 AM"),
        ("DeferredMessageCount", "0"), ("LockedMessageCount", "0"),
        ("RiskLevel", "Normal"), ("NextHopCategory", "External"),
        ("QueueIdentity", "EX02\\1187"), ("Identity", "EX02\\1187"), ("IsValid", "True")]]
    data = le_bom(powershell_fl(stuck))
    put("utf16", "madeup-utf16-06-queue-le-bom-odd.txt", data[:-1])

    fr = """De : Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>
Envoyé : jeudi 9 avril 2026 15:02
À : Camille Roux <camille.roux@contoso.example>
Objet : Non remis : Devis n° 2026-041

Échec de la remise pour ces destinataires ou groupes :

atelier@fabrikam.example<mailto:atelier@fabrikam.example>
Votre message n’a pas pu être remis : votre organisation envoie depuis un domaine qu’elle n’a pas enregistré comme domaine accepté. Transmettez ce message à votre administrateur de messagerie.









Informations de diagnostic pour les administrateurs :

Serveur de génération : PR3P195MB0712.EURP195.PROD.OUTLOOK.COM

atelier@fabrikam.example
Remote Server returned '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains'

En-têtes de message d’origine :

Received: from PR3P195MB0712.EURP195.PROD.OUTLOOK.COM (2001:db8:10a6:102::19) by
 PR3P195MB0712.EURP195.PROD.OUTLOOK.COM with HTTPS; Thu, 9 Apr 2026 13:02:11 +0000
From: Camille Roux <devis@contoso-renovation.example.com>
To: "atelier@fabrikam.example" <atelier@fabrikam.example>
Subject: =?iso-8859-1?Q?Devis_n=B0_2026-041?=
Date: Thu, 9 Apr 2026 13:02:10 +0000
Message-ID: <PR3P195MB07121B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6@PR3P195MB0712.EURP195.PROD.OUTLOOK.COM>
"""
    put("utf16", "madeup-utf16-07-ndr-copy-fr-utf8-bom.txt",
        b"\xef\xbb\xbf" + crlf(fr).encode("utf-8"))


def raw(text, charset):
    """`text` in `charset`, carried as latin-1 characters inside a message string."""
    return text.encode(charset).decode("latin-1")


def put_msg(folder, name, msg, eol="\n"):
    """Writes a message string whose characters are bytes (latin-1)."""
    put(folder, name, (crlf(msg) if eol == "\r\n" else msg).encode("latin-1"))


# --------------------------------------------------------------- charsets/

JA = Lang("ja-JP", "配信不能:", "次の受信者またはグループへの配信に失敗しました:",
          "管理者向けの診断情報:", "生成サーバー:", "元のメッセージ ヘッダー:")
ZH = Lang("zh-CN", "无法投递:", "传递到这些收件人或组失败:", "管理员的诊断信息:",
          "生成服务器:", "原始邮件头:")
TW = Lang("zh-TW", "無法傳遞:", "傳遞給這些收件者或群組失敗:", "給系統管理員的診斷資訊:",
          "產生伺服器:", "原始郵件標頭:")
KO = Lang("ko-KR", "배달되지 않음:", "다음 받는 사람 또는 그룹에게 배달하지 못했습니다.",
          "관리자를 위한 진단 정보:", "생성 서버:", "원본 메시지 헤더:")
RU = Lang("ru-RU", "Не удается доставить:",
          "Не удалось доставить сообщение следующим получателям или группам:",
          "Диагностические сведения для администраторов:", "Создающий сервер:",
          "Исходные заголовки сообщения:")
CS = Lang("cs-CZ", "Nedoručitelné:",
          "Doručení následujícím příjemcům nebo skupinám se nezdařilo:",
          "Diagnostické informace pro správce:", "Generující server:",
          "Původní záhlaví zprávy:")

R705 = "550 5.7.705 Access denied, tenant has exceeded threshold"
R750 = "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains"
R708 = ("550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. "
        "For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 "
        "AS(7230) [SL2P216MB1234.KORP216.PROD.OUTLOOK.COM 2026-05-19T01:44:09.532Z "
        "08DE5F6A7B8C9D0E]")


def charsets():
    # 01: Japanese Exchange Online NDR, ISO-2022-JP 7bit, 5.7.705
    o = original_headers(ew("田中 健", "ISO-2022-JP") + " <tanaka.k@contoso.example>",
                         "<sales@fabrikam.example>", ew("見積書の送付", "ISO-2022-JP"),
                         "Mon, 13 Apr 2026 01:20:08 +0000",
                         "TYCP286MB2345C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6@TYCP286MB2345.JPNP286.PROD.OUTLOOK.COM",
                         "TYCP286MB2345.JPNP286.PROD.OUTLOOK.COM",
                         lang="ja-JP", charset="iso-2022-jp")
    put_msg("charsets", "madeup-charsets-01-iso2022jp-exchange-ja-705.eml", exchange_ndr(
        JA, "iso-2022-jp", cte="7bit", server="TYCP286MB2345.JPNP286.PROD.OUTLOOK.COM",
        ndr_from="Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>",
        to="<tanaka.k@contoso.example>", date="Mon, 13 Apr 2026 01:20:09 +0000",
        subject="配信不能: 見積書の送付", orig=o,
        rcpts=[("sales@fabrikam.example<mailto:sales@fabrikam.example>", "sales@fabrikam.example",
                "Remote Server returned '%s'" % R705, "5.7.705", R705)],
        human="組織からのメール送信が一時的に止められているため、このメッセージは配信されませんでした。"
              "迷惑メールや大量のメールが組織から送られたことが原因です。"
              "このメッセージをメール管理者に転送してください。",
        boundary="9c1b2a3d-4e5f-5a6b-8c7d-0e1f2a3b4c5d",
        msgid="b2c3d4e5-f6a7-5b8c-9d0e-1f2a3b4c5d6e@TYCP286MB2345.JPNP286.PROD.OUTLOOK.COM",
        in_reply_to="TYCP286MB2345C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6@TYCP286MB2345.JPNP286.PROD.OUTLOOK.COM"))

    # 02: a Japanese ISP's sendmail "Returned mail" with a Japanese preface, ISO-2022-JP
    text = """お送りいただいたメールは、宛先のメールアドレスが見つからなかったため配送できませんでした。
宛先をご確認のうえ、もう一度お送りください。

The original message was received at Wed, 15 Apr 2026 10:22:13 +0900 (JST)
from [198.51.100.77]

   ----- The following addresses had permanent fatal errors -----
<suzuki@tokyo-isp.example.net>
    (reason: 550 5.1.1 <suzuki@tokyo-isp.example.net>... User unknown)

   ----- Transcript of session follows -----
... while talking to mbox.tokyo-isp.example.net.:
>>> RCPT To:<suzuki@tokyo-isp.example.net>
<<< 550 5.1.1 <suzuki@tokyo-isp.example.net>... User unknown
550 5.1.1 <suzuki@tokyo-isp.example.net>... User unknown
"""
    b = "63F1MEaB012345.1776216134/mail.tokyo-isp.example.net"
    msg = ("Return-Path: <>\n"
           "Received: from mail.tokyo-isp.example.net (mail.tokyo-isp.example.net [192.0.2.61])\n"
           "\tby mx.contoso.example (Postfix) with ESMTP id 4F3E2D1C0B\n"
           "\tfor <yamada@contoso.example>; Wed, 15 Apr 2026 10:22:15 +0900 (JST)\n"
           "Date: Wed, 15 Apr 2026 10:22:14 +0900 (JST)\n"
           "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.tokyo-isp.example.net>\n"
           "Message-Id: <202604150122.63F1MEaB012345@mail.tokyo-isp.example.net>\n"
           "To: <yamada@contoso.example>\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status;\n"
           "\tboundary=\"%s\"\n" % b
           + header("Subject", "メール配送エラー Returned mail: User unknown", "ISO-2022-JP")
           + "Auto-Submitted: auto-generated (failure)\n\n"
           "This is a MIME-encapsulated message\n\n"
           "--%s\nContent-Type: text/plain; charset=ISO-2022-JP\n"
           "Content-Transfer-Encoding: 7bit\n\n%s\n" % (b, raw(text, "iso-2022-jp"))
           + "--%s\nContent-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; mail.tokyo-isp.example.net\n"
           "Received-From-MTA: DNS; [198.51.100.77]\n"
           "Arrival-Date: Wed, 15 Apr 2026 10:22:13 +0900 (JST)\n\n"
           "Final-Recipient: RFC822; suzuki@tokyo-isp.example.net\nAction: failed\nStatus: 5.1.1\n"
           "Remote-MTA: DNS; mbox.tokyo-isp.example.net\n"
           "Diagnostic-Code: SMTP; 550 5.1.1 <suzuki@tokyo-isp.example.net>... User unknown\n"
           "Last-Attempt-Date: Wed, 15 Apr 2026 10:22:14 +0900 (JST)\n\n" % b
           + "--%s\nContent-Type: text/rfc822-headers\n\n"
           "Return-Path: <yamada@contoso.example>\n"
           "Received: from [198.51.100.77] by mail.tokyo-isp.example.net (8.17.2/8.17.2) with ESMTPSA\n"
           "\tid 63F1MEaB012345; Wed, 15 Apr 2026 10:22:13 +0900 (JST)\n" % b
           + "From: " + ew("山田 花子", "ISO-2022-JP") + " <yamada@contoso.example>\n"
           "To: suzuki@tokyo-isp.example.net\n"
           + header("Subject", "打ち合わせの件", "ISO-2022-JP")
           + "Date: Wed, 15 Apr 2026 10:22:11 +0900\n"
           "Message-ID: <4a1b2c3d-5e6f-7081-92a3-b4c5d6e7f809@contoso.example>\n"
           "MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"
           "--%s--\n" % b)
    put_msg("charsets", "madeup-charsets-02-iso2022jp-isp-returned-mail-511.eml", msg)

    # 03: a Japanese mail gateway notice in Shift_JIS, 8bit, no DSN part
    text = """このメールはシステムから自動送信されています。

以下の宛先へのメール配信に失敗しました。

  宛先    : kimura@osaka.fabrikam.example
  件名    : 来週の会議資料
  送信日時: 2026/04/21 18:05:12

エラー内容:
  552 5.2.2 <kimura@osaka.fabrikam.example>: Mailbox full

宛先のメールボックスの容量が上限に達しています。
時間をおいて再送するか、別の方法でご連絡ください。

--
osaka.fabrikam.example メールゲートウェイ
"""
    msg = ("Return-Path: <>\n"
           "Received: from gw1.osaka.fabrikam.example (gw1.osaka.fabrikam.example [203.0.113.88])\n"
           "\tby mx.contoso.example (Postfix) with ESMTPS id 7A6B5C4D3E\n"
           "\tfor <ono@contoso.example>; Tue, 21 Apr 2026 18:05:20 +0900 (JST)\n"
           "Date: Tue, 21 Apr 2026 18:05:19 +0900\n"
           "From: postmaster@gw1.osaka.fabrikam.example\n"
           "To: ono@contoso.example\n"
           + header("Subject", "配信エラー: 宛先のメールボックスが一杯です", "Shift_JIS")
           + "Message-ID: <20260421180519.0001A2B3@gw1.osaka.fabrikam.example>\n"
           "MIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=Shift_JIS\n"
           "Content-Transfer-Encoding: 8bit\n\n" + raw(text, "shift_jis"))
    put_msg("charsets", "madeup-charsets-03-shiftjis-gateway-522.eml", msg)

    # 04: a Japanese ISP's Postfix delay notice with a translated preface, EUC-JP
    text = """このメールは配送システムが自動的に送信しています。

お送りいただいたメールは、まだ宛先に配送できていません。
配送は引き続き試みていますので、再送していただく必要はありません。
5 日間配送できなかった場合は、あらためてお知らせします。

This is the mail system at host smtp.nagoya-isp.example.net.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

                   The mail system

<ito@fabrikam.example>: connect to mx.fabrikam.example[203.0.113.9]:25:
    Connection timed out
"""
    b = "9B8A7C6D5E.1777459200/smtp.nagoya-isp.example.net"
    msg = ("Return-Path: <>\n"
           "Date: Wed, 29 Apr 2026 19:40:00 +0900 (JST)\n"
           "From: MAILER-DAEMON@smtp.nagoya-isp.example.net (Mail Delivery System)\n"
           + header("Subject", "配送遅延のお知らせ Delayed Mail (still being retried)", "EUC-JP")
           + "To: watanabe@contoso.example\n"
           "Auto-Submitted: auto-replied\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status;\n"
           "\tboundary=\"%s\"\n"
           "Message-Id: <20260429104000.1A2B3C4D5E@smtp.nagoya-isp.example.net>\n\n"
           "This is a MIME-encapsulated message.\n\n"
           "--%s\nContent-Description: Notification\n"
           "Content-Type: text/plain; charset=EUC-JP\nContent-Transfer-Encoding: 8bit\n\n%s\n"
           % (b, b, raw(text, "euc_jp"))
           + "--%s\nContent-Description: Delivery report\n"
           "Content-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; smtp.nagoya-isp.example.net\n"
           "X-Postfix-Queue-ID: 9B8A7C6D5E\n"
           "X-Postfix-Sender: rfc822; watanabe@contoso.example\n"
           "Arrival-Date: Wed, 29 Apr 2026 15:31:02 +0900 (JST)\n\n"
           "Final-Recipient: rfc822; ito@fabrikam.example\n"
           "Original-Recipient: rfc822;ito@fabrikam.example\n"
           "Action: delayed\nStatus: 4.4.1\n"
           "Diagnostic-Code: X-Postfix; connect to mx.fabrikam.example[203.0.113.9]:25:\n"
           "    Connection timed out\n"
           "Will-Retry-Until: Mon, 4 May 2026 15:31:02 +0900 (JST)\n\n" % b
           + "--%s\nContent-Description: Undelivered Message Headers\n"
           "Content-Type: text/rfc822-headers\n\n"
           "Return-Path: <watanabe@contoso.example>\n"
           "From: watanabe@contoso.example\nTo: ito@fabrikam.example\n" % b
           + header("Subject", "見積もりのご依頼", "EUC-JP")
           + "Date: Wed, 29 Apr 2026 15:31:00 +0900\n"
           "Message-ID: <8f7e6d5c-4b3a-2918-0716-f5e4d3c2b1a0@contoso.example>\n\n"
           "--%s--\n" % b)
    put_msg("charsets", "madeup-charsets-04-eucjp-postfix-delay-441.eml", msg)

    # 05: Chinese Exchange Online NDR, GBK base64, 5.4.1
    r541 = ("550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
            "[SG2PR01MB2345.apcprd01.prod.outlook.com 2026-05-06T03:15:27.118Z 08DE4C1A2B3C4D5E]")
    o = original_headers(ew("李明", "gbk") + " <li.ming@contoso.example>", "<wang.fang@fabrikam.example>",
                         ew("周三会议议题", "gbk"), "Wed, 6 May 2026 03:15:25 +0000",
                         "SG2PR01MB2345A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6@SG2PR01MB2345.apcprd01.prod.outlook.com",
                         "SG2PR01MB2345.apcprd01.prod.outlook.com",
                         lang="zh-CN", charset="gbk")
    put_msg("charsets", "madeup-charsets-05-gbk-exchange-zh-541.eml", exchange_ndr(
        ZH, "gbk", cte="base64", server="SG2PR01MB2345.apcprd01.prod.outlook.com",
        ndr_from="Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>",
        to="<li.ming@contoso.example>", date="Wed, 6 May 2026 03:15:28 +0000",
        subject="无法投递: 周三会议议题", orig=o,
        rcpts=[("王芳 (wang.fang@fabrikam.example)<mailto:wang.fang@fabrikam.example>",
                "wang.fang@fabrikam.example", "Remote Server returned '%s'" % r541, "5.4.1", r541)],
        human="收件人所在的组织拒绝了这个地址。地址可能拼写有误，或者对方不再接受发往该地址的邮件。"
              "请检查地址后重新发送。",
        boundary="3e4f5a6b-7c8d-5e9f-a0b1-c2d3e4f5a6b7",
        msgid="c3d4e5f6-a7b8-5c9d-0e1f-2a3b4c5d6e7f@SG2PR01MB2345.apcprd01.prod.outlook.com",
        in_reply_to="SG2PR01MB2345A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6@SG2PR01MB2345.apcprd01.prod.outlook.com"))

    # 06: a Chinese hosted-mail service's 系统退信, GB18030 base64, no DSN part
    text = """您好，这是邮件系统的自动回复。

很抱歉，您发送的邮件未能投递到以下收件人：

    zhao.lei@fabrikam.example

原因：收件人邮箱空间已满，无法接收新邮件。

服务器返回的信息：
    552 5.2.2 Mailbox quota exceeded for zhao.lei@fabrikam.example

邮件主题：关于五月份的报价（含税价 €1,250）
发送时间：2026年5月11日 星期一 09:31

此邮件由系统自动发送，请勿直接回复。
"""
    msg = ("Return-Path: <>\n"
           "Received: from mta3.hz-mail.example.com (unknown [203.0.113.150])\n"
           "\tby mx.contoso.example (Postfix) with ESMTP id 2C3D4E5F6A\n"
           "\tfor <chen.jing@contoso.example>; Mon, 11 May 2026 09:31:44 +0800 (CST)\n"
           "Date: Mon, 11 May 2026 09:31:43 +0800\n"
           "From: \"" + ew("邮件系统", "GB18030") + "\" <postmaster@hz-mail.example.com>\n"
           "To: chen.jing@contoso.example\n"
           + header("Subject", "系统退信：您发送的邮件未能投递", "GB18030")
           + "Message-ID: <6A7B8C9D.0E1F2A3B@hz-mail.example.com>\n"
           "MIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=\"GB18030\"\n"
           "Content-Transfer-Encoding: base64\n\n" + b64(text, "gb18030"))
    put_msg("charsets", "madeup-charsets-06-gb18030-hosted-bounce-522.eml", msg)

    # 07: Traditional Chinese Exchange Online NDR, Big5 quoted-printable, 5.1.10
    r5110 = ("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient lin.yating@fabrikam.example "
             "not found by SMTP address lookup")
    o = original_headers(ew("陳志明", "big5") + " <chen.ch@contoso.example>", "<lin.yating@fabrikam.example>",
                         ew("三月份報價單", "big5"), "Thu, 14 May 2026 02:48:10 +0000",
                         "TYZPR01MB4567D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6@TYZPR01MB4567.apcprd01.prod.outlook.com",
                         "TYZPR01MB4567.apcprd01.prod.outlook.com",
                         lang="zh-TW", charset="big5")
    put_msg("charsets", "madeup-charsets-07-big5-exchange-zhtw-5110.eml", exchange_ndr(
        TW, "big5", server="TYZPR01MB4567.apcprd01.prod.outlook.com",
        ndr_from="Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>",
        to="<chen.ch@contoso.example>", date="Thu, 14 May 2026 02:48:12 +0000",
        subject="無法傳遞: 三月份報價單", orig=o,
        rcpts=[("lin.yating@fabrikam.example<mailto:lin.yating@fabrikam.example>",
                "lin.yating@fabrikam.example", "Remote Server returned '%s'" % r5110, "5.1.10", r5110)],
        human="找不到您輸入的電子郵件地址。請確認收件者的地址後再傳送一次。",
        boundary="5a6b7c8d-9e0f-5a1b-b2c3-d4e5f6a7b8c9",
        msgid="d4e5f6a7-b8c9-5d0e-1f2a-3b4c5d6e7f80@TYZPR01MB4567.apcprd01.prod.outlook.com",
        in_reply_to="TYZPR01MB4567D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6@TYZPR01MB4567.apcprd01.prod.outlook.com"))

    # 08: Korean Exchange Online NDR, EUC-KR base64, 5.7.708
    o = original_headers(ew("김영희", "euc-kr") + " <kim.yh@contoso.example>", "<park.js@fabrikam.example>",
                         ew("7월 정기 점검", "euc-kr"), "Tue, 19 May 2026 01:44:07 +0000",
                         "SL2P216MB1234E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B6@SL2P216MB1234.KORP216.PROD.OUTLOOK.COM",
                         "SL2P216MB1234.KORP216.PROD.OUTLOOK.COM",
                         lang="ko-KR", charset="euc-kr")
    put_msg("charsets", "madeup-charsets-08-euckr-exchange-ko-708.eml", exchange_ndr(
        KO, "euc-kr", cte="base64", server="SL2P216MB1234.KORP216.PROD.OUTLOOK.COM",
        ndr_from="Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>",
        to="<kim.yh@contoso.example>", date="Tue, 19 May 2026 01:44:10 +0000",
        subject="배달되지 않음: 7월 정기 점검", orig=o,
        rcpts=[("park.js@fabrikam.example<mailto:park.js@fabrikam.example>",
                "park.js@fabrikam.example", "Remote Server returned '%s'" % R708, "5.7.708", R708)],
        human="조직이 메일을 보낸 IP 주소의 평판이 낮아 메시지를 배달하지 못했습니다. "
              "전자 메일 관리자에게 이 메시지를 전달하세요.",
        boundary="7c8d9e0f-a1b2-5c3d-d4e5-f6a7b8c9d0e1",
        msgid="e5f6a7b8-c9d0-5e1f-2a3b-4c5d6e7f8091@SL2P216MB1234.KORP216.PROD.OUTLOOK.COM",
        in_reply_to="SL2P216MB1234E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B6@SL2P216MB1234.KORP216.PROD.OUTLOOK.COM"))

    # 09: Russian on-premises Exchange NDR, KOI8-R quoted-printable, 5.7.711 from EOP
    r711 = "550 5.7.711 Access denied, bad inbound connector. AS(2204)"
    o = ("Received: from app01.contoso.example (198.51.100.61) by EXCH01.contoso.example\n"
         " (198.51.100.10) with Microsoft SMTP Server id 15.2.1544.11; Wed, 20 May 2026\n"
         " 12:03:55 +0300\n"
         "From: " + ew("Портал", "koi8-r") + " <portal@contoso.example>\n"
         "To: <ivanov@fabrikam.example>\n"
         "Subject: " + ew("Ваша заявка принята", "koi8-r") + "\n"
         "Date: Wed, 20 May 2026 12:03:54 +0300\n"
         "Message-ID: <7d6c5b4a-3928-1706-f5e4-d3c2b1a09f8e@app01.contoso.example>\n"
         "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"koi8-r\"\n")
    line = ("Remote Server at contoso-example.mail.protection.outlook.com (203.0.113.40) "
            "returned '%s'" % r711)
    put_msg("charsets", "madeup-charsets-09-koi8r-exchange-ru-711.eml", exchange_ndr(
        RU, "koi8-r", server="EXCH01.contoso.example",
        ndr_from="<postmaster@contoso.example>", to="<portal@contoso.example>",
        date="Wed, 20 May 2026 12:04:02 +0300", subject="Не удается доставить: Ваша заявка принята",
        orig=o, rcpts=[("ivanov@fabrikam.example<mailto:ivanov@fabrikam.example>",
                        "ivanov@fabrikam.example", line, "5.7.711", r711)],
        human="Сообщение не доставлено: соединитель, через который ваш сервер передаёт почту "
              "в Exchange Online, заблокирован. Обратитесь к администратору электронной почты.",
        boundary="1d2e3f4a-5b6c-5d7e-8f9a-0b1c2d3e4f5a",
        msgid="f6a7b8c9-d0e1-5f2a-3b4c-5d6e7f8091a2@EXCH01.contoso.example",
        in_reply_to="7d6c5b4a-3928-1706-f5e4-d3c2b1a09f8e@app01.contoso.example"))

    # 10: a Polish ISP's Postfix bounce with a translated text, ISO-8859-2 QP
    text = """To jest system pocztowy serwera poczta.krakow-isp.example.org.

Niestety, Twoja wiadomość nie mogła zostać dostarczona do jednego
lub kilku adresatów. Wiadomość jest dołączona poniżej.

W razie pytań napisz do <postmaster>, dołączając ten raport.

                   System pocztowy

<jan.kowalski@fabrikam.example>: host mx.fabrikam.example[203.0.113.12] said:
    550 5.1.1 <jan.kowalski@fabrikam.example>: Recipient address rejected:
    User unknown in virtual mailbox table (in reply to RCPT TO command)
"""
    b = "4D5E6F7A8B.1778580000/poczta.krakow-isp.example.org"
    msg = ("Return-Path: <>\n"
           "Date: Tue, 12 May 2026 10:00:00 +0200 (CEST)\n"
           "From: MAILER-DAEMON@poczta.krakow-isp.example.org (System pocztowy)\n"
           + header("Subject", "Zwrot niedostarczonej wiadomości", "ISO-8859-2", "Q")
           + "To: anna.nowak@contoso.example\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status;\n"
           "\tboundary=\"%s\"\n"
           "Message-Id: <20260512080000.1B2C3D4E5F@poczta.krakow-isp.example.org>\n\n"
           "--%s\nContent-Description: Notification\n"
           "Content-Type: text/plain; charset=ISO-8859-2\n"
           "Content-Transfer-Encoding: quoted-printable\n\n%s\n" % (b, b, qp(text, "iso-8859-2"))
           + "--%s\nContent-Description: Delivery report\n"
           "Content-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; poczta.krakow-isp.example.org\n"
           "X-Postfix-Queue-ID: 4D5E6F7A8B\n"
           "X-Postfix-Sender: rfc822; anna.nowak@contoso.example\n"
           "Arrival-Date: Tue, 12 May 2026 09:59:58 +0200 (CEST)\n\n"
           "Final-Recipient: rfc822; jan.kowalski@fabrikam.example\n"
           "Original-Recipient: rfc822;jan.kowalski@fabrikam.example\n"
           "Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.fabrikam.example\n"
           "Diagnostic-Code: smtp; 550 5.1.1 <jan.kowalski@fabrikam.example>: Recipient\n"
           "    address rejected: User unknown in virtual mailbox table\n\n" % b
           + "--%s\nContent-Description: Undelivered Message Headers\n"
           "Content-Type: text/rfc822-headers\n\n"
           "From: anna.nowak@contoso.example\nTo: jan.kowalski@fabrikam.example\n" % b
           + header("Subject", "Spotkanie w środę", "ISO-8859-2", "Q")
           + "Date: Tue, 12 May 2026 09:59:55 +0200\n"
           "Message-ID: <0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9@contoso.example>\n\n"
           "--%s--\n" % b)
    put_msg("charsets", "madeup-charsets-10-iso88592-isp-pl-511.eml", msg)

    # 11: a Russian hosting provider's Exim-style bounce, windows-1251 8bit, one part
    text = """Это сообщение создано автоматически почтовой системой.

Ваше письмо не удалось доставить следующим адресатам:

  olga.petrova@fabrikam.example
    узел mx.fabrikam.example [203.0.113.30]
    ошибка SMTP после RCPT TO:<olga.petrova@fabrikam.example>:
    552 5.2.2 Mailbox is full

Почтовый ящик получателя переполнен. Попробуйте отправить письмо позже
или свяжитесь с получателем другим способом.

------ Заголовки вашего письма ------

From: Sergey Orlov <s.orlov@contoso.example>
To: olga.petrova@fabrikam.example
Subject: Отчёт за май
Date: Mon, 25 May 2026 17:12:40 +0300
"""
    msg = ("Return-path: <>\n"
           "Received: from mail.msk-host.example.net ([203.0.113.140])\n"
           "\tby mx.contoso.example with esmtps id 1wQx2A-000Abc-7Z\n"
           "\tfor s.orlov@contoso.example; Mon, 25 May 2026 17:12:48 +0300\n"
           "From: Mail Delivery System <Mailer-Daemon@mail.msk-host.example.net>\n"
           "To: s.orlov@contoso.example\n"
           + header("Subject", "Письмо не доставлено", "windows-1251")
           + "Date: Mon, 25 May 2026 17:12:47 +0300\n"
           "Message-Id: <E1wQx2B-000Xyz-9Q@mail.msk-host.example.net>\n"
           "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=windows-1251\n"
           "Content-Transfer-Encoding: 8bit\n\n" + raw(text, "cp1251"))
    put_msg("charsets", "madeup-charsets-11-windows1251-hosting-ru-522.eml", msg)

    # 12: Czech Exchange NDR, windows-1250 QP, message expired (4.4.7 in a failure)
    r447 = "550 4.4.7 QUEUE.Expired; message expired"
    line = ("Remote Server at mx.fabrikam.example (203.0.113.21) returned '%s'\n"
            "21.04.2026 6:12:40 - Remote Server at mx.fabrikam.example (203.0.113.21) "
            "returned '451 4.4.0 Primary target IP address responded with: \"421 4.4.1 "
            "Connection timed out.\" Attempted failover to alternate host, but that did not "
            "succeed. Either there are no alternate hosts, or delivery failed to all alternate "
            "hosts. The last endpoint attempted was 203.0.113.21:25'" % r447)
    o = ("Received: from EXCH02.contoso.example (198.51.100.12) by EXCH02.contoso.example\n"
         " (198.51.100.12) with Microsoft SMTP Server (version=TLS1_2,\n"
         " cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.2.1544.11; Sun, 19 Apr\n"
         " 2026 06:10:02 +0200\n"
         "From: " + ew("Petr Dvořák", "windows-1250", "Q") + " <petr.dvorak@contoso.example>\n"
         "To: <novak@fabrikam.example>\n"
         "Subject: " + ew("Objednávka č. 2026/117", "windows-1250", "Q") + "\n"
         "Date: Sun, 19 Apr 2026 06:10:01 +0200\n"
         "Message-ID: <a1b2c3d4e5f647a8b9c0d1e2f3a4b5c6@EXCH02.contoso.example>\n"
         "MIME-Version: 1.0\n")
    put_msg("charsets", "madeup-charsets-12-windows1250-exchange-cs-447.eml", exchange_ndr(
        CS, "windows-1250", server="EXCH02.contoso.example",
        ndr_from="<postmaster@contoso.example>", to="<petr.dvorak@contoso.example>",
        date="Tue, 21 Apr 2026 06:12:45 +0200", subject="Nedoručitelné: Objednávka č. 2026/117",
        orig=o, rcpts=[("novak@fabrikam.example<mailto:novak@fabrikam.example>",
                        "novak@fabrikam.example", line, "4.4.7", r447)],
        human="Zprávu se nepodařilo doručit ani po opakovaných pokusech, protože server "
              "příjemce delší dobu neodpovídal. Zkuste ji poslat později nebo se obraťte "
              "na správce e-mailu.",
        boundary="2e3f4a5b-6c7d-5e8f-9a0b-1c2d3e4f5a6b",
        msgid="0a1b2c3d-4e5f-5a6b-7c8d-9e0f1a2b3c4d@EXCH02.contoso.example",
        in_reply_to="a1b2c3d4e5f647a8b9c0d1e2f3a4b5c6@EXCH02.contoso.example"))

    # 13: a French ISP's bounce, ISO-8859-15 QP (the euro sign is 0xA4, oe 0xBD)
    text = """Ce message a été créé automatiquement par le serveur de messagerie
smtp.lyon-fai.example.org.

Votre message n'a pas pu être remis à un ou plusieurs destinataires.
Une copie de ses en-têtes est jointe ci-dessous.

<m.bernard@fabrikam.example> : le serveur mx.fabrikam.example[203.0.113.44] a répondu :
    552 5.2.2 <m.bernard@fabrikam.example>: Mailbox full
    (en réponse à la commande RCPT TO)

Objet du message : Facture main-d'œuvre : 250 € TTC
"""
    b = "7E8F9A0B1C.1779900000/smtp.lyon-fai.example.org"
    msg = ("Return-Path: <>\n"
           "Date: Wed, 27 May 2026 16:40:00 +0200 (CEST)\n"
           "From: MAILER-DAEMON@smtp.lyon-fai.example.org (Serveur de messagerie)\n"
           + header("Subject", "Message non remis : Facture main-d'œuvre : 250 €", "ISO-8859-15", "Q")
           + "To: artisan@contoso.example\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status;\n"
           "\tboundary=\"%s\"\n"
           "Message-Id: <20260527144000.2C3D4E5F6A@smtp.lyon-fai.example.org>\n\n"
           "--%s\nContent-Description: Notification\n"
           "Content-Type: text/plain; charset=ISO-8859-15\n"
           "Content-Transfer-Encoding: quoted-printable\n\n%s\n" % (b, b, qp(text, "iso-8859-15"))
           + "--%s\nContent-Description: Delivery report\n"
           "Content-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; smtp.lyon-fai.example.org\n"
           "Arrival-Date: Wed, 27 May 2026 16:39:57 +0200 (CEST)\n\n"
           "Final-Recipient: rfc822; m.bernard@fabrikam.example\n"
           "Action: failed\nStatus: 5.2.2\nRemote-MTA: dns; mx.fabrikam.example\n"
           "Diagnostic-Code: smtp; 552 5.2.2 <m.bernard@fabrikam.example>: Mailbox full\n\n" % b
           + "--%s\nContent-Description: Undelivered Message Headers\n"
           "Content-Type: text/rfc822-headers\n\n"
           "From: artisan@contoso.example\nTo: m.bernard@fabrikam.example\n" % b
           + header("Subject", "Facture main-d'œuvre : 250 € TTC", "ISO-8859-15", "Q")
           + "Date: Wed, 27 May 2026 16:39:55 +0200\n"
           "Message-ID: <5f6a7b8c-9d0e-1f2a-3b4c-5d6e7f8a9b0c@contoso.example>\n\n"
           "--%s--\n" % b)
    put_msg("charsets", "madeup-charsets-13-iso885915-isp-fr-522.eml", msg)

    # 14: a charset no decoder knows (made-up name); the bytes are windows-1252
    text = ("This is an automatically generated Delivery Status Notification.\n\n"
            "Delivery to the following recipient failed permanently:\n\n"
            "\xa0\xa0\xa0\xa0hans.meier@fabrikam.example\n\n"
            "The recipient\x92s server refused the address. Please check it for typing\n"
            "errors and send your message again.\n\n"
            "Subject of your message: Rechnung M\xe4rz\n")
    b = "=_MailGuard_4f2a9c1d_boundary"
    msg = ("Return-Path: <>\n"
           "Date: Thu, 28 May 2026 08:15:30 +0200\n"
           "From: MailGuard Appliance <mailer-daemon@guard.contoso.example>\n"
           "To: buchhaltung@contoso.example\n"
           "Subject: =?x-contoso-legacy?Q?Undeliverable:_Rechnung_M=E4rz?=\n"
           "Message-ID: <mg.4f2a9c1d.20260528081530@guard.contoso.example>\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status;\n"
           " boundary=\"%s\"\n\n"
           "--%s\nContent-Type: text/plain; charset=\"x-contoso-legacy\"\n"
           "Content-Transfer-Encoding: 8bit\n\n%s\n" % (b, b, text)
           + "--%s\nContent-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; guard.contoso.example\n\n"
           "Final-Recipient: rfc822; hans.meier@fabrikam.example\n"
           "Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mail.fabrikam.example\n"
           "Diagnostic-Code: smtp; 550 5.1.1 <hans.meier@fabrikam.example>: Recipient address\n"
           " rejected: User unknown\n\n" % b
           + "--%s--\n" % b)
    put_msg("charsets", "madeup-charsets-14-unknown-charset-511.eml", msg)

    # 15: a Japanese Outlook NDR copied into Notepad and saved as "ANSI" (CP932), CRLF
    text = """差出人: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>
送信日時: 2026年6月2日 火曜日 10:41
宛先: 佐藤 明 <sato.a@contoso.example>
件名: 配信不能: 新製品のご案内

次の受信者またはグループへの配信に失敗しました:

info@fabrikam.example (info@fabrikam.example)
組織が承認済みドメインとして登録していないドメインからメールを送信しているため、メッセージを配信できませんでした。メール管理者に連絡してください。









管理者向けの診断情報:

生成サーバー: OS3P286MB0987.JPNP286.PROD.OUTLOOK.COM

info@fabrikam.example
Remote Server returned '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains'

元のメッセージ ヘッダー:

Received: from OS3P286MB0987.JPNP286.PROD.OUTLOOK.COM (2001:db8:3a0::21) by
 OS3P286MB0987.JPNP286.PROD.OUTLOOK.COM with HTTPS; Tue, 2 Jun 2026 01:41:08 +0000
From: =?iso-2022-jp?B?GyRCOjRGIxsoQiAbJEJMQBsoQg==?= <news@contoso-products.example.com>
To: "info@fabrikam.example" <info@fabrikam.example>
Date: Tue, 2 Jun 2026 01:41:07 +0000
Message-ID: <OS3P286MB09871A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6@OS3P286MB0987.JPNP286.PROD.OUTLOOK.COM>
"""
    text = text.replace("=?iso-2022-jp?B?GyRCOjRGIxsoQiAbJEJMQBsoQg==?=",
                        ew("佐藤 明", "iso-2022-jp"))
    put("charsets", "madeup-charsets-15-shiftjis-outlook-copy-750.txt",
        crlf(text).encode("cp932"))


# ------------------------------------------------- exchange-address-lines/
# Headings: "checked" = seen in a real NDR of the corpus or quoted from real
# bounces by sisimai (BSD-2) in its Exchange2007 / Office365 decoders; the rest
# is our approximation (see the README and labels.tsv notes).

FR_2013 = Lang("fr-FR", "Non remis :", "Échec de la remise pour ces destinataires ou groupes :",
               "Informations de diagnostic pour les administrateurs :",
               "Serveur de génération :", "En-têtes de message d'origine :")
FR_NEW = Lang("fr-FR", "Non remis :",
              "La remise a échoué pour les destinataires ou groupes suivants :",
              "Informations de diagnostic pour les administrateurs :",
              "Serveur de génération :", "En-têtes de message d'origine :")
FR_OLD = Lang("fr-FR", "Non remis :", "Échec de la remise aux destinataires ou groupes suivants :",
              "Informations de diagnostic pour les administrateurs :",
              "Serveur de génération :", "En-têtes de message d'origine :")
DE = Lang("de-DE", "Unzustellbar:",
          "Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:",
          "Diagnoseinformationen für Administratoren:", "Generierender Server:",
          "Ursprüngliche Nachrichtenkopfzeilen:")
ES = Lang("es-ES", "No se puede entregar:",
          "Error al entregar el mensaje a estos destinatarios o grupos:",
          "Información de diagnóstico para administradores:", "Servidor de generación:",
          "Encabezados de mensaje originales:")
IT = Lang("it-IT", "Non recapitabile:",
          "Il recapito non è riuscito per i seguenti destinatari o gruppi:",
          "Informazioni di diagnostica per gli amministratori:", "Server di generazione:",
          "Intestazioni originali del messaggio:")
NL = Lang("nl-NL", "Onbestelbaar:",
          "Uw bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:",
          "Diagnostische gegevens voor beheerders:", "Bronserver:",
          "Oorspronkelijke berichtkoppen:")
PT = Lang("pt-BR", "Não entregue:", "Falha na entrega a estes destinatários ou grupos:",
          "Informações de diagnóstico para administradores:", "Servidor de origem:",
          "Cabeçalhos originais da mensagem:")

EO_FROM = "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>"
R5110 = ("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient {0} not found by SMTP "
         "address lookup")
R522 = ("554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException."
        "MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent "
        "exception with message [BeginDiagnosticData]Cannot open mailbox.[EndDiagnosticData]")
R703 = ("550 5.7.703 Your message can't be delivered because messages to {0} are blocked "
        "by your organization using Tenant Allow Block List.")
R541 = ("550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
        "[{0} {1} 08DE61A2B3C4D5E6]")


def eo(lang, charset, n, *, server, sender, rcpt, reply, status, line, human, subject,
       day, cte="quoted-printable", eol="\n", folder="exchange-address-lines", name=None,
       display=None):
    """One Exchange Online NDR to one recipient, in `lang`."""
    assert subject.startswith(lang.subject), (lang.tag, subject)
    orig_subject = subject.split(": ", 1)[1] if ": " in subject else subject
    if any(ord(c) > 127 for c in orig_subject):
        orig_subject = ew(orig_subject, charset if charset != "iso-2022-jp" else charset)
    msgid = "%sMB%04d%s@%s" % (server.split("MB")[0], n, "A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6", server)
    o = original_headers(mailbox(sender, charset), "<%s>" % rcpt, orig_subject, day, msgid, server,
                         lang=lang.tag, charset=charset)
    listed = display or "%s<mailto:%s>" % (rcpt, rcpt)
    msg = exchange_ndr(
        lang, charset, cte=cte, server=server, ndr_from=EO_FROM,
        to="<%s>" % sender.split("<")[-1].rstrip(">"), date=day, subject=subject, orig=o,
        rcpts=[(listed, rcpt, line, status, reply)], human=human,
        boundary="%08x-%04x-5%03x-8%03x-%012x" % (0x3c4d5e6f + n, 0x1a2b + n, n, n, 0x5f6a7b8c9d0e + n),
        msgid="%08x-1b2c-5d3e-9f4a-%012x@%s" % (0x7a8b9c0d + n, 0x0b1c2d3e4f5a + n, server),
        in_reply_to=msgid)
    put_msg(folder, name, msg, eol)


def exchange_address_lines():
    f = "exchange-address-lines"
    srv = "AM6PR01MB1234.eurprd01.prod.outlook.com"
    r = R5110.format("noah.berg@fabrikam.example")
    eo(EN, "us-ascii", 1, server=srv, sender="Pat Lee <pat.lee@contoso.example>",
       rcpt="noah.berg@fabrikam.example", reply=r, status="5.1.10",
       line="Remote Server returned '%s'" % r, subject="Undeliverable: Board pack June",
       day="Mon, 1 Jun 2026 07:30:12 +0000",
       display="Noah Berg (noah.berg@fabrikam.example)<mailto:noah.berg@fabrikam.example>",
       human="The email address you entered couldn't be found at the destination domain. "
             "Check the spelling, then try sending the message again.",
       name="madeup-exchange-address-lines-01-en-5110.eml")

    # 02: the newer French heading and a translated reply line, copied from Outlook
    text = """De : Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>
Envoyé : mardi 2 juin 2026 11:05
À : Lucie Martin <lucie.martin@contoso.example>
Objet : Non remis : Planning des congés d’été

La remise a échoué pour les destinataires ou groupes suivants :

Hugo Lefèvre (hugo.lefevre@fabrikam.example)
La boîte aux lettres du destinataire est pleine : elle ne peut plus recevoir de messages pour l’instant. Réessayez plus tard ou prévenez le destinataire par un autre moyen.









Informations de diagnostic pour les administrateurs :

Serveur de génération : PAXP193MB2210.EURP193.PROD.OUTLOOK.COM

hugo.lefevre@fabrikam.example
Le serveur distant a retourné '%s'

En-têtes de message d’origine :

Received: from PAXP193MB2210.EURP193.PROD.OUTLOOK.COM (2001:db8:1f0::7) by
 PAXP193MB2210.EURP193.PROD.OUTLOOK.COM with HTTPS; Tue, 2 Jun 2026 09:05:31 +0000
From: Lucie Martin <lucie.martin@contoso.example>
To: =?iso-8859-1?Q?Hugo_Lef=E8vre?= <hugo.lefevre@fabrikam.example>
Subject: =?windows-1252?Q?Planning_des_cong=E9s_d=92=E9t=E9?=
Date: Tue, 2 Jun 2026 09:05:30 +0000
Message-ID: <PAXP193MB22104C5D6E7F8A9B0C1D2E3F4A5B6C7D8E9@PAXP193MB2210.EURP193.PROD.OUTLOOK.COM>
""" % R522
    put(f, "madeup-exchange-address-lines-02-fr-new-heading-522.txt", text)

    # 03: the older French heading, ISO-8859-1 QP, translated reply line, 5.7.708
    srv = "MRZP264MB2988.FRAP264.PROD.OUTLOOK.COM"
    r = R708.replace("SL2P216MB1234.KORP216.PROD.OUTLOOK.COM 2026-05-19T01:44:09.532Z 08DE5F6A7B8C9D0E",
                     srv + " 2026-06-03T14:02:51.207Z 08DE62B3C4D5E6F7")
    eo(FR_OLD, "iso-8859-1", 3, server=srv, sender="Accueil <accueil@contoso.example>",
       rcpt="resa@fabrikam.example", reply=r, status="5.7.708",
       line="Le serveur distant a retourné '%s'" % r,
       subject="Non remis : Réservation salle du 12 juin", day="Wed, 3 Jun 2026 14:02:53 +0000",
       human="Votre message n'a pas été remis : l'adresse IP qui l'a envoyé a une mauvaise "
             "réputation. Transmettez ce message à votre administrateur de messagerie.",
       name="madeup-exchange-address-lines-03-fr-old-heading-708.eml")

    # 04: the French wording of the real Exchange 2013 sample, English reply line, CRLF
    srv = "PR3P195MB0712.EURP195.PROD.OUTLOOK.COM"
    r = R703.format("vente@fabrikam.example")
    eo(FR_2013, "iso-8859-1", 4, server=srv, sender="Service achats <achats@contoso.example>",
       rcpt="vente@fabrikam.example", reply=r, status="5.7.703",
       line="Remote Server returned '%s'" % r, subject="Non remis : Commande n° 4471",
       day="Thu, 4 Jun 2026 08:47:20 +0000", eol="\r\n",
       human="Votre organisation bloque les messages vers ce destinataire (liste "
             "d'autorisation/de blocage du locataire). Seul votre administrateur de "
             "messagerie peut lever ce blocage.",
       name="madeup-exchange-address-lines-04-fr-2013-wording-703.eml")

    # 05: German, UTF-8 QP, translated reply line, 5.7.705
    srv = "FR2P281MB0123.DEUP281.PROD.OUTLOOK.COM"
    eo(DE, "utf-8", 5, server=srv, sender="Vertrieb <vertrieb@contoso.example>",
       rcpt="einkauf@fabrikam.example", reply=R705, status="5.7.705",
       line="Der Remoteserver hat '%s' zurückgegeben." % R705,
       subject="Unzustellbar: Angebot für Projekt Südhafen", day="Fri, 5 Jun 2026 10:12:03 +0000",
       human="Ihre Nachricht wurde nicht zugestellt, weil Ihre Organisation vorübergehend "
             "keine E-Mails senden darf. Leiten Sie diese Nachricht an Ihren "
             "E-Mail-Administrator weiter.",
       name="madeup-exchange-address-lines-05-de-705.eml")

    # 06: Spanish, UTF-8 QP, translated reply line, 5.2.2
    srv = "MAD1P195MB0456.EURP195.PROD.OUTLOOK.COM"
    eo(ES, "utf-8", 6, server=srv, sender="Recepción <recepcion@contoso.example>",
       rcpt="mgarcia@fabrikam.example", reply=R522, status="5.2.2",
       line="El servidor remoto devolvió '%s'" % R522,
       subject="No se puede entregar: Presupuesto de junio", day="Mon, 8 Jun 2026 15:33:41 +0000",
       human="El buzón del destinatario está lleno y no puede recibir más mensajes por ahora. "
             "Inténtelo más tarde o avise al destinatario por otro medio.",
       name="madeup-exchange-address-lines-06-es-522.eml")

    # 07: Italian, the real sample's wording, English reply line, 5.1.10
    srv = "MI1P293MB0789.ITAP293.PROD.OUTLOOK.COM"
    r = R5110.format("g.rossi@fabrikam.example")
    eo(IT, "iso-8859-1", 7, server=srv, sender="Ufficio acquisti <acquisti@contoso.example>",
       rcpt="g.rossi@fabrikam.example", reply=r, status="5.1.10",
       line="Remote Server returned '%s'" % r, subject="Non recapitabile: Ordine n. 58",
       day="Tue, 9 Jun 2026 07:58:16 +0000",
       human="L'indirizzo e-mail che hai inserito non esiste nel dominio di destinazione. "
             "Controlla l'indirizzo e invia di nuovo il messaggio.",
       name="madeup-exchange-address-lines-07-it-5110.eml")

    # 08: Dutch, sisimai's wording, translated reply line, 5.7.703
    srv = "AM0PR01MB5432.eurprd01.prod.outlook.com"
    r = R703.format("info@fabrikam.example")
    eo(NL, "iso-8859-1", 8, server=srv, sender="Inkoop <inkoop@contoso.example>",
       rcpt="info@fabrikam.example", reply=r, status="5.7.703",
       line="Externe server heeft '%s' geretourneerd" % r,
       subject="Onbestelbaar: Offerte zomeronderhoud", day="Wed, 10 Jun 2026 12:20:05 +0000",
       human="Uw organisatie blokkeert berichten aan deze geadresseerde met de lijst "
             "Toestaan/blokkeren van de tenant. Alleen uw e-mailbeheerder kan dit opheffen.",
       name="madeup-exchange-address-lines-08-nl-703.eml")

    # 09: Portuguese (Brazil), sisimai's wording, translated reply line, 5.4.1
    srv = "CP2PR80MB3344.lamprd80.prod.outlook.com"
    r = R541.format(srv, "2026-06-09T08:21:44.610Z")
    eo(PT, "iso-8859-1", 9, server=srv, sender="Financeiro <financeiro@contoso.example>",
       rcpt="contas@fabrikam.example", reply=r, status="5.4.1",
       line="O servidor remoto retornou '%s'" % r,
       subject="Não entregue: Boleto de junho", day="Tue, 9 Jun 2026 08:21:46 +0000",
       human="A organização do destinatário recusou este endereço. Verifique o endereço e "
             "tente enviar a mensagem novamente.",
       name="madeup-exchange-address-lines-09-pt-541.eml")

    # 10: Exchange 2007, "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"
    ex07 = Lang("en-US", "Undeliverable:",
                "Delivery has failed to these recipients or distribution lists:",
                EN.diag, EN.gen, EN.orig)
    srv = "EXCH07.contoso.example"
    o = ("Received: from EXCH07.contoso.example ([198.51.100.7]) by EXCH07.contoso.example\n"
         " ([198.51.100.7]) with mapi; Thu, 11 Jun 2026 16:45:09 +0100\n"
         "From: Ruth Mills <ruth.mills@contoso.example>\n"
         "To: Sam Cole <sam.cole@contoso.example>\n"
         "Date: Thu, 11 Jun 2026 16:45:08 +0100\n"
         "Subject: Fire drill on Friday\n"
         "Message-ID: <B7C8D9E0F1A2B34C9D0E1F2A3B4C5D6E7F8A9B0C@EXCH07.contoso.example>\n"
         "MIME-Version: 1.0\n")
    put_msg(f, "madeup-exchange-address-lines-10-ex2007-hash-511.eml", exchange_ndr(
        ex07, "us-ascii", server=srv, ndr_from="<postmaster@contoso.example>",
        to="<ruth.mills@contoso.example>", date="Thu, 11 Jun 2026 16:45:10 +0100",
        subject="Undeliverable: Fire drill on Friday", orig=o,
        rcpts=[("Sam Cole", "sam.cole@contoso.example",
                "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", "5.1.1",
                "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found")],
        human="The recipient's e-mail address was not found in the recipient's e-mail system. "
              "Microsoft Exchange will not try to redeliver this message for you. Check the "
              "address and send the message again.\n\n"
              "________________________________\nSent by Microsoft Exchange Server 2007",
        boundary="0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f",
        msgid="d0e1f2a3-b4c5-4d6e-8f9a-0b1c2d3e4f5a@EXCH07.contoso.example",
        in_reply_to="B7C8D9E0F1A2B34C9D0E1F2A3B4C5D6E7F8A9B0C@EXCH07.contoso.example"))

    # 11: Exchange 2010's "<host> #550 5.1.1 ... ##" copied from Outlook, CRLF
    text = """From: Microsoft Outlook
Sent: Friday, June 12, 2026 2:18 PM
To: Alex Ward
Subject: Undeliverable: Invoice 7781 reminder

Delivery has failed to these recipients or groups:

Rob Hale (rob@fabrikam.example)
The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message. If the problem continues, please contact your helpdesk.







Diagnostic information for administrators:

Generating server: EXCH10.contoso.example

rob@fabrikam.example
mx.fabrikam.example #550 5.1.1 <rob@fabrikam.example>... User unknown ##

Original message headers:

Received: from EXCH10.contoso.example ([198.51.100.9]) by EXCH10.contoso.example
 ([198.51.100.9]) with mapi; Fri, 12 Jun 2026 14:18:02 +0100
From: Alex Ward <alex.ward@contoso.example>
To: Rob Hale <rob@fabrikam.example>
Date: Fri, 12 Jun 2026 14:18:01 +0100
Subject: Invoice 7781 reminder
Message-ID: <C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0@EXCH10.contoso.example>
"""
    put(f, "madeup-exchange-address-lines-11-ex2010-host-hash-511.txt", crlf(text))


# ------------------------------------------------------ headings-languages/

def newstyle(L, *, n, server, sender, rcpt, reply, status, day, subject, fix, cause,
             admin, folder="headings-languages", name=None, eol="\n"):
    """An Exchange Online "new style" NDR: an HTML-only human part (UTF-8,
    base64) in the labels `L`, a delivery-status part and the original headers."""
    local = rcpt.split("@")[0]
    me = sender.split("<")[-1].rstrip(">")
    html = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>DSN</title>
</head>
<body style="background-color: white;">
<table style="max-width: 548px; border-collapse: collapse;" width="548">
<tr><td style="font-size: 16px;">{intro}<br></td></tr>
<tr><td style="font-size: 24px; text-align: center;">{cause}<br></td></tr>
<tr><td>
<table>
<tr><td>{me}</td><td>Office 365</td><td>{local}</td></tr>
<tr><td><b>{action}</b></td><td></td><td>{who}</td></tr>
</table>
</td></tr>
<tr><td style="font-size: 21px;"><br>{fix_title}</td></tr>
<tr><td style="font-size: 16px;"><ul><li>{fix}</li></ul></td></tr>
<tr><td><hr></td></tr>
<tr><td style="font-size: 21px;"><br>{admin_title}</td></tr>
<tr><td style="font-size: 14px;"><em>{status_label} {code}</em><br><br>{admin}</td></tr>
<tr><td style="font-size: 17px;"><br><b>{details}</b></td></tr>
<tr><td style="font-size: 14px;">{created} {day}<br>{sender_label} {me_addr}<br>{rcpt_label} {rcpt}<br>{subject_label} {subject}</td></tr>
<tr><td style="font-size: 17px;"><br><b>{errors}</b></td></tr>
<tr><td style="font-size: 14px;">{reported} {reply}<br>{dsn_by} {server}</td></tr>
</table>
</body>
</html>
""".format(intro=L["intro"].format('<span style="color: #0072c6;">%s</span>' % rcpt),
           cause=cause, me=me.split("@")[0], local=local, action=L["action"], who=L["who"],
           fix_title=L["fix_title"], fix=fix, admin_title=L["admin_title"],
           status_label=L["status"], code=reply.split(" ")[0] + " " + reply.split(" ")[1],
           admin=admin, details=L["details"], created=L["created"], day=day,
           sender_label=L["sender"], me_addr=me, rcpt_label=L["recipient"], rcpt=rcpt,
           subject_label=L["subject"], subject=subject, errors=L["errors"],
           reported=L["reported"], reply=reply, dsn_by=L["dsn_by"], server=server)
    b = "%08x-2c3d-5e4f-a5b6-%012x" % (0x51c2d3e4 + n, 0x7d8e9f0a1b2c + n)
    msgid = "%sMB%04dB1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6@%s" % (server.split("MB")[0], n, server)
    orig_subj = subject if all(ord(c) < 128 for c in subject) else ew(subject, "utf-8")
    msg = ("MIME-Version: 1.0\nFrom: %s\nTo: <%s>\nDate: %s\n"
           "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"%s\"\n"
           "X-MS-Exchange-Message-Is-Ndr:\nContent-Language: %s\n"
           "Message-ID: <%08x-3d4e-5f5a-b6c7-%012x@%s>\nIn-Reply-To: <%s>\nReferences: <%s>\n"
           % (EO_FROM, me, day, b, L["tag"], 0x6e7f8a9b + n, 0x1c2d3e4f5a6b + n, server,
              msgid, msgid)
           + header("Subject", L["prefix"] + " " + subject, "utf-8")
           + "Auto-Submitted: auto-replied\nReturn-Path: <>\n\n"
           "--%s\nContent-Type: text/html; charset=\"utf-8\"\n"
           "Content-Transfer-Encoding: base64\n\n%s\n" % (b, b64(html, "utf-8"))
           + "--%s\nContent-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns;%s\nReceived-From-MTA: dns;%s\nArrival-Date: %s\n\n"
           "Final-Recipient: rfc822;%s\nAction: failed\nStatus: %s\n"
           "Diagnostic-Code: smtp;%s\n\n" % (b, server, server, day, rcpt, status, reply)
           + "--%s\nContent-Type: text/rfc822-headers\n\n%s\n--%s--\n"
           % (b, original_headers(mailbox(sender, "utf-8"), "<%s>" % rcpt, orig_subj, day,
                                  msgid, server, lang=L["tag"], charset="utf-8"), b))
    put_msg(folder, name, msg, eol)


NS_ES = dict(tag="es-ES", prefix="No se puede entregar:",
             intro="Su mensaje para {} no se pudo entregar.", action="Acción necesaria",
             who="Destinatario", fix_title="Cómo solucionarlo",
             admin_title="Más información para administradores de correo electrónico",
             status="Código de estado:", details="Detalles del mensaje original",
             created="Fecha de creación:", sender="Dirección del remitente:",
             recipient="Dirección del destinatario:", subject="Asunto:",
             errors="Detalles del error", reported="Error notificado:", dsn_by="DSN generado por:")
NS_PT = dict(tag="pt-BR", prefix="Não entregue:",
             intro="Sua mensagem para {} não pôde ser entregue.", action="Ação Necessária",
             who="Destinatário", fix_title="Como corrigir",
             admin_title="Mais informações para administradores de email",
             status="Código de status:", details="Detalhes da mensagem original",
             created="Data de criação:", sender="Endereço do remetente:",
             recipient="Endereço do destinatário:", subject="Assunto:",
             errors="Detalhes do erro", reported="Erro relatado:", dsn_by="DSN gerado por:")
NS_NL = dict(tag="nl-NL", prefix="Onbestelbaar:",
             intro="Uw bericht aan {} kan niet worden bezorgd.", action="Actie vereist",
             who="Geadresseerde", fix_title="Oplossing",
             admin_title="Meer informatie voor e-mailbeheerders", status="Statuscode:",
             details="Oorspronkelijke berichtgegevens", created="Aanmaakdatum:",
             sender="Adres van afzender:", recipient="Adres van geadresseerde:",
             subject="Onderwerp:", errors="Foutdetails", reported="Gerapporteerde fout:",
             dsn_by="DSN gegenereerd door:")
NS_DE = dict(tag="de-DE", prefix="Unzustellbar:",
             intro="Ihre Nachricht an {} konnte nicht zugestellt werden.",
             action="Aktion erforderlich", who="Empfänger",
             fix_title="So beheben Sie das Problem",
             admin_title="Weitere Informationen für E-Mail-Administratoren",
             status="Statuscode:", details="Ursprüngliche Nachrichtendetails",
             created="Erstellungsdatum:", sender="Absenderadresse:",
             recipient="Empfängeradresse:", subject="Betreff:", errors="Fehlerdetails",
             reported="Gemeldeter Fehler:", dsn_by="DSN generiert von:")
NS_JA = dict(tag="ja-JP", prefix="配信不能:", intro="{} へのメッセージを配信できませんでした。",
             action="対応が必要です", who="受信者", fix_title="修正方法",
             admin_title="メール管理者向けの詳細情報", status="状態コード:",
             details="元のメッセージの詳細", created="作成日:", sender="送信者のアドレス:",
             recipient="受信者のアドレス:", subject="件名:", errors="エラーの詳細",
             reported="報告されたエラー:", dsn_by="DSN 生成元:")
NS_ZH = dict(tag="zh-CN", prefix="无法投递:", intro="无法将你的邮件传递给 {}。",
             action="需要执行操作", who="收件人", fix_title="如何解决",
             admin_title="面向电子邮件管理员的详细信息", status="状态代码:",
             details="原始邮件详细信息", created="创建日期:", sender="发件人地址:",
             recipient="收件人地址:", subject="主题:", errors="错误详细信息",
             reported="报告的错误:", dsn_by="DSN 生成者:")
FI = Lang("fi-FI", "Toimittamaton:",
          "Viestin toimittaminen seuraaville vastaanottajille tai ryhmille epäonnistui:",
          "Diagnostiikkatiedot järjestelmänvalvojille:", "Luova palvelin:",
          "Alkuperäisen viestin otsikot:")

R233 = ("550 5.7.233 Your message can't be sent because your tenant exceeded its daily "
        "limit for sending email to external recipients (tenant external recipient rate limit)")


def headings_languages():
    f = "headings-languages"
    newstyle(NS_ES, n=1, server="MAD1P195MB0456.EURP195.PROD.OUTLOOK.COM",
             sender="Carmen Ruiz <carmen.ruiz@contoso.example>", rcpt="pedidos@fabrikam.example",
             reply=R705, status="5.7.705", day="Mon, 15 Jun 2026 09:12:30 +0000",
             subject="Pedido de material", cause="Su organización no puede enviar correo ahora mismo.",
             fix="Solo su administrador de correo puede resolverlo. Reenvíele este mensaje y no "
                 "vuelva a enviar el suyo hasta que le confirme que el bloqueo se ha levantado.",
             admin="Office 365 ha detectado demasiado correo no deseado o masivo enviado desde su "
                   "organización y ha bloqueado todos sus envíos.",
             name="madeup-headings-languages-01-es-eo-newstyle-705.eml")
    newstyle(NS_PT, n=2, server="CP2PR80MB3344.lamprd80.prod.outlook.com",
             sender="Rafael Souza <rafael@contoso-loja.example.com>", rcpt="compras@fabrikam.example",
             reply=R750, status="5.7.750", day="Tue, 16 Jun 2026 13:40:02 +0000",
             subject="Catálogo de julho", cause="Sua organização enviou de um domínio não registrado.",
             fix="Encaminhe esta mensagem ao administrador de email da sua organização.",
             admin="O endereço do remetente usa um domínio que não é um domínio aceito do "
                   "locatário. Adicione e verifique o domínio antes de enviar novamente.",
             name="madeup-headings-languages-02-pt-eo-newstyle-750.eml")
    newstyle(NS_NL, n=4, server="AM0PR01MB5432.eurprd01.prod.outlook.com",
             sender="Sanne de Vries <sanne@contoso.example>", rcpt="verkoop@fabrikam.example",
             reply=R703.format("verkoop@fabrikam.example"), status="5.7.703",
             day="Thu, 18 Jun 2026 10:05:44 +0000", subject="Bestelling 2026-311",
             cause="Uw organisatie blokkeert berichten aan deze geadresseerde.",
             fix="Alleen uw e-mailbeheerder kan de blokkering in de lijst "
                 "Toestaan/blokkeren van de tenant opheffen.",
             admin="De geadresseerde staat als geblokkeerd in de lijst Toestaan/blokkeren van "
                   "de tenant. Het hele bericht is voor alle geadresseerden tegengehouden.",
             name="madeup-headings-languages-04-nl-eo-newstyle-703.eml")
    newstyle(NS_DE, n=5, server="FR2P281MB0123.DEUP281.PROD.OUTLOOK.COM",
             sender="Newsletter <newsletter@contoso.example>", rcpt="leser@example.org",
             reply=R233, status="5.7.233", day="Fri, 19 Jun 2026 16:22:09 +0000",
             subject="Sommeraktion", cause="Ihre Organisation hat ihr Tageslimit für externe Empfänger erreicht.",
             fix="Warten Sie, bis das Limit wieder frei wird (rollierende 24 Stunden), oder "
                 "sprechen Sie mit Ihrem E-Mail-Administrator.",
             admin="Der Mandant hat in den letzten 24 Stunden mehr externe Empfänger "
                   "angeschrieben, als sein Kontingent erlaubt.",
             name="madeup-headings-languages-05-de-eo-newstyle-233.eml")
    r = R708.replace("SL2P216MB1234.KORP216.PROD.OUTLOOK.COM 2026-05-19T01:44:09.532Z 08DE5F6A7B8C9D0E",
                     "TYCP286MB2345.JPNP286.PROD.OUTLOOK.COM 2026-06-22T00:31:17.044Z 08DE63C4D5E6F7A8")
    newstyle(NS_JA, n=7, server="TYCP286MB2345.JPNP286.PROD.OUTLOOK.COM",
             sender="試用 テナント <trial@contoso.example>", rcpt="support@fabrikam.example",
             reply=r, status="5.7.708", day="Mon, 22 Jun 2026 00:31:18 +0000",
             subject="お問い合わせ", cause="組織のメールの送信元 IP アドレスの評価が低いため配信できません。",
             fix="このメッセージをメール管理者に転送してください。",
             admin="評価の低い IP アドレスから送信されたメールです。試用版テナントでよく起こります。",
             name="madeup-headings-languages-07-ja-eo-newstyle-708.eml")
    r = R5110.format("liu.yang@fabrikam.example")
    newstyle(NS_ZH, n=8, server="SG2PR01MB2345.apcprd01.prod.outlook.com",
             sender="张伟 <zhang.wei@contoso.example>", rcpt="liu.yang@fabrikam.example",
             reply=r, status="5.1.10", day="Tue, 23 Jun 2026 06:14:55 +0000",
             subject="合同草案", cause="在目标域中找不到该收件人。",
             fix="请检查收件人地址是否拼写正确，然后重新发送邮件。",
             admin="收件人的邮件服务器找不到这个地址。",
             name="madeup-headings-languages-08-zh-eo-newstyle-5110.eml")

    # 10: Finnish: only the structure (address line, English reply line, DSN) can be read
    eo(FI, "iso-8859-1", 10, server="HE1PR01MB3456.eurprd01.prod.outlook.com",
       sender="Mikko Virtanen <mikko@contoso.example>", rcpt="tilaukset@fabrikam.example",
       reply=R705, status="5.7.705", line="Remote Server returned '%s'" % R705,
       subject="Toimittamaton: Tarjouspyyntö", day="Wed, 24 Jun 2026 11:48:26 +0000",
       human="Viestiäsi ei toimitettu, koska organisaatiosi ei voi tällä hetkellä lähettää "
             "sähköpostia. Välitä tämä viesti sähköpostin järjestelmänvalvojalle.",
       folder=f, name="madeup-headings-languages-10-fi-exchange-705.eml")

    # 03: an Italian provider's Postfix with a translated template; the wrap
    # splits "550" from "5.1.1" in the text (the DSN part keeps them whole)
    text = """Questo è il sistema di posta del server smtp.milano-isp.example.com.

Siamo spiacenti: il tuo messaggio non è stato recapitato a uno o più
destinatari. Le intestazioni del messaggio sono allegate.

Per assistenza scrivi a <postmaster>, allegando questo rapporto.

                   Il sistema di posta

<f.bianchi@fabrikam.example>: host mx.fabrikam.example[203.0.113.60] said: 550
    5.1.1 <f.bianchi@fabrikam.example>: Recipient address rejected: User unknown
    (in reply to RCPT TO command)
"""
    b = "5B6C7D8E9F.1782400000/smtp.milano-isp.example.com"
    msg = ("Return-Path: <>\n"
           "Date: Wed, 17 Jun 2026 09:20:00 +0200 (CEST)\n"
           "From: MAILER-DAEMON@smtp.milano-isp.example.com (Il sistema di posta)\n"
           + header("Subject", "Messaggio non recapitato: Preventivo giardino", "ISO-8859-1", "Q")
           + "To: giulia@contoso.example\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status;\n"
           "\tboundary=\"%s\"\n"
           "Message-Id: <20260617072000.3D4E5F6A7B@smtp.milano-isp.example.com>\n\n"
           "--%s\nContent-Description: Notification\n"
           "Content-Type: text/plain; charset=ISO-8859-1\n"
           "Content-Transfer-Encoding: quoted-printable\n\n%s\n" % (b, b, qp(text, "iso-8859-1"))
           + "--%s\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; smtp.milano-isp.example.com\n"
           "X-Postfix-Queue-ID: 5B6C7D8E9F\n"
           "Arrival-Date: Wed, 17 Jun 2026 09:19:57 +0200 (CEST)\n\n"
           "Final-Recipient: rfc822; f.bianchi@fabrikam.example\n"
           "Original-Recipient: rfc822;f.bianchi@fabrikam.example\n"
           "Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.fabrikam.example\n"
           "Diagnostic-Code: smtp; 550 5.1.1 <f.bianchi@fabrikam.example>: Recipient address\n"
           "    rejected: User unknown\n\n" % b
           + "--%s\nContent-Description: Undelivered Message Headers\n"
           "Content-Type: text/rfc822-headers\n\n"
           "From: giulia@contoso.example\nTo: f.bianchi@fabrikam.example\n"
           "Subject: Preventivo giardino\nDate: Wed, 17 Jun 2026 09:19:55 +0200\n"
           "Message-ID: <2b3c4d5e-6f70-8192-a3b4-c5d6e7f8091a@contoso.example>\n\n"
           "--%s--\n" % (b, b))
    put_msg(f, "madeup-headings-languages-03-it-isp-511.eml", msg)

    # 06: a Japanese mobile ISP's notice (layout of the real KDDI one), no code at all
    text = """送信先のメールボックスが一杯のため、送信できませんでした。

※本メールは nagoya-isp.example.net のメールシステムより配信しています。
このメールには直接返信できません。

（　以下、サーバから出力されたエラーメッセージ　）

Your mail sent on: Thu, 25 Jun 2026 20:15:02 +0900
     Could not be delivered to: <nakamura@fabrikam.example>
     As their mailbox is full.
"""
    b = "==_4A2F/20260625/NGY"
    msg = ("Received: from mo01.nagoya-isp.example.net (mo01.nagoya-isp.example.net [192.0.2.1])\n"
           "        by mx.contoso.example (Postfix) with SMTP id 0A1B2C3D4E\n"
           "        for <kobayashi@contoso.example>; Thu, 25 Jun 2026 20:15:05 +0900\n"
           "To: <kobayashi@contoso.example>\n"
           "From: no-reply@mo01.nagoya-isp.example.net\n"
           "Message-ID: <20260625201504.A1B2@mo01.nagoya-isp.example.net>\n"
           "Date: Thu, 25 Jun 2026 20:15:04 +0900\nMIME-Version: 1.0\n"
           "Content-Type: multipart/mixed; boundary=\"%s\"\n" % b
           + header("Subject", "メールエラー通知", "ISO-2022-JP")
           + "\nThis message is in MIME format.\n\n"
           "--%s\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\n"
           "Content-Transfer-Encoding: 7bit\n\n%s\n" % (b, raw(text, "iso-2022-jp"))
           + "--%s\nContent-Type: message/rfc822\nContent-Description: Original message\n\n"
           "From: kobayashi@contoso.example\nTo: nakamura@fabrikam.example\n" % b
           + header("Subject", "写真を送ります", "ISO-2022-JP")
           + "Date: Thu, 25 Jun 2026 20:15:02 +0900\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=\"ISO-2022-JP\"\n"
           "Message-Id: <3c4d5e6f-7081-92a3-b4c5-d6e7f8091a2b@contoso.example>\n\n"
           + raw("先日の写真です。\n", "iso-2022-jp") + "\n--%s--\n" % b)
    put_msg(f, "madeup-headings-languages-06-ja-mobile-isp-mailbox-full.eml", msg)

    # 09: a Chinese classic Exchange Online NDR copied from Outlook (UTF-8 text)
    text = """发件人: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>
发送时间: 2026年6月26日 15:03
收件人: 黄丽 <huang.li@contoso.example>
主题: 无法投递: 七月展会安排

传递到这些收件人或组失败:

sun.hao@fabrikam.example (sun.hao@fabrikam.example)
你的组织从一个未注册为接受域的域发送了邮件，因此无法传递你的邮件。请联系你的电子邮件管理员。









管理员的诊断信息:

生成服务器: SG2PR01MB2345.apcprd01.prod.outlook.com

sun.hao@fabrikam.example
Remote Server returned '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains'

原始邮件头:

Received: from SG2PR01MB2345.apcprd01.prod.outlook.com (2001:db8:7c1::4) by
 SG2PR01MB2345.apcprd01.prod.outlook.com with HTTPS; Fri, 26 Jun 2026 07:03:41 +0000
From: huang.li@contoso-expo.example.com
To: "sun.hao@fabrikam.example" <sun.hao@fabrikam.example>
Date: Fri, 26 Jun 2026 07:03:40 +0000
"""
    put(f, "madeup-headings-languages-09-zh-outlook-copy-750.txt", text)

    # 11: a Polish provider's one-part notice: only an address line and the reply line
    text = """Wiadomość wygenerowana automatycznie przez serwer poczty poczta.gdansk-isp.example.org.

Nie udało się dostarczyć Twojej wiadomości do następujących odbiorców:

  ola.zielinska@fabrikam.example
    serwer fabrikam-example.mail.protection.outlook.com [203.0.113.71] odpowiedział:
    550 5.7.509 Access denied, sending domain gdansk-isp.example.org does not pass DMARC verification and has a DMARC policy of reject.

Wiadomość nie zostanie wysłana ponownie. Jeśli problem się powtarza,
skontaktuj się z administratorem.
"""
    msg = ("Return-Path: <>\n"
           "Date: Mon, 29 Jun 2026 12:44:10 +0200\n"
           "From: Serwer poczty <mailer-daemon@poczta.gdansk-isp.example.org>\n"
           "To: tomasz@gdansk-isp.example.org\n"
           + header("Subject", "Wiadomość niedostarczona", "UTF-8", "Q")
           + "Message-ID: <20260629124410.7F8A9B@poczta.gdansk-isp.example.org>\n"
           "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=UTF-8\n"
           "Content-Transfer-Encoding: quoted-printable\n\n" + qp(text, "utf-8"))
    put_msg(f, "madeup-headings-languages-11-pl-isp-509.eml", msg)


# ---------------------------------------------------- per-recipient-codes/

def per_recipient_codes():
    f = "per-recipient-codes"
    srv = "DB8P195MB0567.EURP195.PROD.OUTLOOK.COM"
    r1 = R5110.format("j.smith@fabrikam.example")
    r3 = R541.format(srv, "2026-07-06T08:00:07.322Z")
    o = original_headers("Kim Lau <kim.lau@contoso.example>",
                         "<j.smith@fabrikam.example>, <accounts@example.net>, <ops@example.org>",
                         "Quarterly figures", "Mon, 6 Jul 2026 08:00:03 +0000",
                         "DB8P195MB0567F1E2D3C4B5A69788A9B0C1D2E3F4A5B6@" + srv, srv)
    put_msg(f, "madeup-per-recipient-codes-01-eo-three-recipients.eml", exchange_ndr(
        EN, "us-ascii", server=srv, ndr_from=EO_FROM, to="<kim.lau@contoso.example>",
        date="Mon, 6 Jul 2026 08:00:09 +0000", subject="Undeliverable: Quarterly figures", orig=o,
        rcpts=[("j.smith@fabrikam.example<mailto:j.smith@fabrikam.example>",
                "j.smith@fabrikam.example", "Remote Server returned '%s'" % r1, "5.1.10", r1),
               ("Accounts (accounts@example.net)<mailto:accounts@example.net>",
                "accounts@example.net", "Remote Server returned '%s'" % R522, "5.2.2", R522),
               ("ops@example.org<mailto:ops@example.org>", "ops@example.org",
                "Remote Server returned '%s'" % r3, "5.4.1", r3)],
        human="Your message couldn't be delivered to some of these recipients. Each address "
              "below has its own reason in the administrator section.",
        boundary="a1b2c3d4-e5f6-5a7b-8c9d-0e1f2a3b4c5d",
        msgid="f1e2d3c4-b5a6-5978-8a9b-0c1d2e3f4a5b@" + srv,
        in_reply_to="DB8P195MB0567F1E2D3C4B5A69788A9B0C1D2E3F4A5B6@" + srv))


    # 06: Exchange 2007's "#... ##" lines, one per recipient, different codes
    ex07 = Lang("en-US", "Undeliverable:",
                "Delivery has failed to these recipients or distribution lists:",
                EN.diag, EN.gen, EN.orig)
    o = ("Received: from EXCH07.contoso.example ([198.51.100.7]) by EXCH07.contoso.example\n"
         " ([198.51.100.7]) with mapi; Tue, 14 Jul 2026 09:10:31 +0100\n"
         "From: Nora Quinn <nora.quinn@contoso.example>\n"
         "To: Paul Dent <paul.dent@contoso.example>, Design Team\n <design@contoso.example>\n"
         "Date: Tue, 14 Jul 2026 09:10:30 +0100\n"
         "Subject: Final artwork (48 MB)\n"
         "Message-ID: <C9D0E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B6C7D8@EXCH07.contoso.example>\n"
         "MIME-Version: 1.0\n")
    put_msg(f, "madeup-per-recipient-codes-06-ex2007-two-hash-lines.eml", exchange_ndr(
        ex07, "us-ascii", server="EXCH07.contoso.example", ndr_from="<postmaster@contoso.example>",
        to="<nora.quinn@contoso.example>", date="Tue, 14 Jul 2026 09:10:33 +0100",
        subject="Undeliverable: Final artwork (48 MB)", orig=o,
        rcpts=[("Paul Dent", "paul.dent@contoso.example",
                "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", "5.1.1",
                "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"),
               ("Design Team", "design@contoso.example",
                "#550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient ##",
                "5.2.3", "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient")],
        human="Some recipients could not be reached. Microsoft Exchange will not try to "
              "redeliver this message for you.\n\n"
              "________________________________\nSent by Microsoft Exchange Server 2007",
        boundary="1e2f3a4b-5c6d-7e8f-9a0b-1c2d3e4f5a6b",
        msgid="e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b@EXCH07.contoso.example",
        in_reply_to="C9D0E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B6C7D8@EXCH07.contoso.example"), "\r\n")


# ---------------------------------------------------- generic-vs-specific/

def generic_vs_specific():
    f = "generic-vs-specific"
    # 02: Amazon SES's wrapper text and Status 5.0.0 around the remote 552 5.2.2,
    # the text part quoted-printable with a soft break inside the reply (as the real one)
    text = ("The following message to <lena.vogel@fabrikam.example> was undeliverable.\n"
            "The reason for the problem:\n"
            "5.1.0 - Unknown address error 552-'5.2.2 <lena.vogel@fabrikam.example>... "
            "Mailbox full. Try again later'\n")
    b = "Q7xLm.2b9Tq4RZ.Vn3Kp.HdW0aYc"
    msg = ("Return-Path: <>\n"
           "Received: from a48-112.smtp-out.amazonses.example.com (a48-112.smtp-out.amazonses.example.com [198.51.100.112])\n"
           "\tby mx.contoso.example (Postfix) with ESMTPS id 6B7C8D9E0F\n"
           "\tfor <newsletter@contoso.example>; Tue, 7 Jul 2026 05:12:44 +0000 (UTC)\n"
           "Message-Id: <0100018f2c3d4e5f-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000@email.amazonses.example.com>\n"
           "Date: Tue, 7 Jul 2026 05:12:43 +0000\n"
           "To: newsletter@contoso.example\n"
           "From: MAILER-DAEMON@email-bounces.amazonses.example.com\n"
           "Subject: Delivery Status Notification (Failure)\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status; boundary=\"%s\"\n\n"
           "--%s\ncontent-type: text/plain;\n    charset=\"utf-8\"\n"
           "Content-Transfer-Encoding: quoted-printable\n\n%s\n" % (b, b, qp(text, "utf-8"))
           + "--%s\ncontent-type: message/delivery-status\n\n"
           "Reporting-MTA: dns; a48-112.smtp-out.amazonses.example.com\n\n"
           "Final-Recipient: rfc822;lena.vogel@fabrikam.example\n"
           "Action: failed\nStatus: 5.0.0 (permanent failure)\n"
           "Remote-MTA: dns; [203.0.113.52]\n"
           "Diagnostic-Code: smtp; 5.1.0 - Unknown address error 552-'5.2.2 "
           "<lena.vogel@fabrikam.example>... Mailbox full. Try again later' (delivery attempts: 0)\n\n" % b
           + "--%s\ncontent-type: message/rfc822\n\n"
           "Return-Path: 0100018f2c3d4e5f-aa11bb22-cc33-dd44-ee55-ff6677889900-000000@email-bounces.amazonses.example.com\n"
           "From: newsletter@contoso.example\nTo: lena.vogel@fabrikam.example\n"
           "Subject: July offers\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit\n"
           "Date: Tue, 7 Jul 2026 05:12:40 +0000\n"
           "Message-ID: <0100018f2c3d4e5f-aa11bb22-cc33-dd44-ee55-ff6677889900-000000@email.amazonses.example.com>\n\n"
           "Our July offers are here.\n\n--%s--\n" % (b, b))
    put_msg(f, "madeup-generic-vs-specific-02-ses-unknown-address-522.eml", msg)


# ------------------------------------------------------------------- check

COLUMNS = ["file", "input", "kind", "status", "smtp_code", "recipients", "remote_mta",
           "reports", "note"]
INPUTS = {"ndr", "forwarded_ndr", "quoted_ndr", "mta_log", "application_error",
          "smtp_transcript", "message_trace", "queue_error", "smtp_reply", "copied_text"}
KINDS = {"failure", "delay", "delivered", "not-bounce"}


def check():
    """Parses every .eml with Python's `email` (defects are errors unless the
    label's note says the sample is deliberately broken), decodes every text
    part with its declared charset, and checks labels.tsv against the files."""
    problems = 0
    for folder in FOLDERS:
        d = os.path.join(HERE, folder)
        if not os.path.isdir(d):
            continue
        labels = {}
        with open(os.path.join(d, "labels.tsv"), encoding="utf-8") as fh:
            head = fh.readline().rstrip("\n").split("\t")
            if head != COLUMNS:
                print("%s/labels.tsv: header %r" % (folder, head)); problems += 1
            for line in fh:
                row = line.rstrip("\n").split("\t")
                if len(row) != len(COLUMNS):
                    print("%s: %d columns in %r" % (folder, len(row), row[0])); problems += 1
                    continue
                labels[row[0]] = dict(zip(COLUMNS, row))
        files = sorted(n for n in os.listdir(d) if n.startswith("madeup-"))
        for n in sorted(set(files) ^ set(labels)):
            print("%s/%s: file without label or label without file" % (folder, n)); problems += 1
        for n in files:
            lab = labels.get(n)
            if lab and (lab["input"] not in INPUTS or lab["kind"] not in KINDS):
                print("%s/%s: input/kind %s/%s" % (folder, n, lab["input"], lab["kind"]))
                problems += 1
            if not n.endswith(".eml"):
                continue
            broken = lab is not None and "deliberately broken" in lab["note"]
            with open(os.path.join(d, n), "rb") as fh:
                msg = email.message_from_binary_file(fh, policy=email.policy.compat32)
            defects = [str(x) for p in msg.walk() for x in p.defects]
            if defects and not broken:
                print("%s/%s: %s" % (folder, n, defects)); problems += 1
            if broken and not defects and "no parser defect" not in lab["note"]:
                print("%s/%s: marked broken but the parser sees no defect" % (folder, n))
                problems += 1
            for p in msg.walk():
                if p.get_content_maintype() != "text":
                    continue
                cs = p.get_content_charset() or "us-ascii"
                data = p.get_payload(decode=True) or b""
                try:
                    data.decode(cs)
                except LookupError:
                    if "unknown" not in n:
                        print("%s/%s: unknown charset %s" % (folder, n, cs)); problems += 1
                except UnicodeDecodeError as e:
                    print("%s/%s: %s part not %s: %s" % (folder, n, p.get_content_type(), cs, e))
                    problems += 1
                if (p.get("Content-Transfer-Encoding", "").lower() == "quoted-printable"
                        and any(len(l) > 76 for l in p.get_payload().split("\n"))):
                    print("%s/%s: quoted-printable line over 76" % (folder, n)); problems += 1
    print("checked: %d problem(s)" % problems)
    return problems


def main():
    if "--check" in sys.argv:
        sys.exit(1 if check() else 0)
    utf16()
    charsets()
    exchange_address_lines()
    headings_languages()
    per_recipient_codes()
    generic_vs_specific()
    for p in WRITTEN:
        print("wrote", p)


if __name__ == "__main__":
    main()
