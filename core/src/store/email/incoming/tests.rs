//! Emails shaped like those customers send: plain, HTML only, with a photo,
//! in an old charset, with encoded headers, without a date or a name, with
//! a hostile HTML body, with a 30 MB attachment, and things that are not
//! emails at all.

use chrono::TimeZone;

use super::*;
use crate::store::complaints::NewComplaint;
use crate::store::customers::CustomerInput;
use crate::store::test_support::{at, phone_complaint, store_at};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).unwrap()
}

fn names(files: &[NewFile]) -> Vec<&str> {
    files.iter().map(|file| file.name.as_str()).collect()
}

fn crlf(text: &str) -> Vec<u8> {
    text.replace('\n', "\r\n").into_bytes()
}

const PLAIN: &str = "From: Ana Lima <ana@example.com>
To: orders@limacakes.example
Subject: Re: Fwd: Wedding cake arrived squashed
Date: Tue, 01 Dec 2026 18:30:00 +0000
Message-ID: <1@example.com>
Content-Type: text/plain; charset=utf-8

Hello,

The top tier had collapsed when it arrived. It was for my daughter's wedding.

Ana
";

#[test]
fn a_plain_email_gives_the_sender_the_time_a_summary_and_their_words() {
    let intake = read(&crlf(PLAIN), now()).unwrap();
    assert_eq!(intake.name, "Ana Lima");
    assert_eq!(intake.email, "ana@example.com");
    assert_eq!(
        intake.received_at,
        Some(Utc.with_ymd_and_hms(2026, 12, 1, 18, 30, 0).unwrap())
    );
    assert_eq!(intake.summary, "Wedding cake arrived squashed");
    assert!(
        intake
            .words
            .starts_with("Hello,\n\nThe top tier had collapsed"),
        "{:?}",
        intake.words
    );
    assert!(intake.files.is_empty());
}

#[test]
fn an_html_only_email_is_read_as_text_and_nothing_of_it_runs() {
    let email = "From: Ben Ode <ben@example.com>
Subject: Broken
Date: Tue, 01 Dec 2026 10:00:00 +0000
Content-Type: text/html; charset=utf-8

<html><head><style>p { color: red }</style><script>alert('x')</script></head>
<body onload=\"steal()\"><p>The <b>tart</b> was broken.</p><img src=\"http://tracker.example/p.gif\"><p>Please call me.</p><script>alert('y')</script></body></html>
";
    let intake = read(&crlf(email), now()).unwrap();
    assert!(
        intake.words.contains("The tart was broken."),
        "{:?}",
        intake.words
    );
    assert!(
        intake.words.contains("Please call me."),
        "{:?}",
        intake.words
    );
    for markup in ["<", "alert(", "steal(", "tracker.example", "color: red"] {
        assert!(
            !intake.words.contains(markup),
            "{markup:?} in {:?}",
            intake.words
        );
    }
}

#[test]
fn a_photo_is_named_as_it_came_and_the_text_is_the_words() {
    let email = "From: Cleo Park <cleo@example.com>
Subject: Photo of the box
Date: Tue, 01 Dec 2026 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"b1\"

--b1
Content-Type: text/plain; charset=utf-8

See the photo.
--b1
Content-Type: image/jpeg; name=\"box.jpg\"
Content-Disposition: attachment; filename=\"box.jpg\"
Content-Transfer-Encoding: base64

/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==
--b1--
";
    let intake = read(&crlf(email), now()).unwrap();
    assert_eq!(intake.words, "See the photo.");
    assert_eq!(names(&intake.files), ["box.jpg"]);
    assert_eq!(intake.files[0].bytes[..3], [0xff, 0xd8, 0xff]);
}

#[test]
fn an_old_charset_and_encoded_headers_are_read_as_written() {
    let mut email = crlf(
        "From: =?UTF-8?B?Wm/DqyBMaW0=?= <zoe@example.com>
Subject: =?ISO-8859-1?Q?Cr=E8me_br=FBl=E9e_ratée?=
Date: Tue, 01 Dec 2026 10:00:00 +0000
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: 8bit

",
    );
    // "Le gâteau était écrasé." in Latin-1.
    email.extend_from_slice(b"Le g\xe2teau \xe9tait \xe9cras\xe9.\r\n");
    let intake = read(&email, now()).unwrap();
    assert_eq!(intake.name, "Zoë Lim");
    assert!(
        intake.summary.starts_with("Crème brûlée"),
        "{:?}",
        intake.summary
    );
    assert_eq!(intake.words, "Le gâteau était écrasé.");
}

#[test]
fn no_date_no_name_or_a_date_in_the_future_leave_those_to_the_owner() {
    let email = "From: dan@example.com
Subject: Late

The parcel is late.
";
    let intake = read(&crlf(email), now()).unwrap();
    assert_eq!(intake.received_at, None);
    assert_eq!(
        intake.name, "dan@example.com",
        "the address, for want of a name"
    );
    let future = PLAIN.replace("Tue, 01 Dec 2026", "Fri, 01 Jan 2027");
    assert_eq!(read(&crlf(&future), now()).unwrap().received_at, None);
}

#[test]
fn a_30_mb_attachment_is_read_past_and_a_huge_email_is_refused_in_words() {
    let mut email = crlf(
        "From: Eva Rocha <eva@example.com>
Subject: Video of the damage
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"b1\"

--b1
Content-Type: text/plain

It is in the video.
--b1
Content-Type: video/mp4; name=\"damage.mp4\"
Content-Disposition: attachment; filename=\"damage.mp4\"
Content-Transfer-Encoding: base64

",
    );
    let line = "A".repeat(76) + "\r\n";
    // 41 MB of base64 is a 30 MB file.
    while email.len() < 41 * 1024 * 1024 {
        email.extend_from_slice(line.as_bytes());
    }
    email.extend_from_slice(b"--b1--\r\n");
    let intake = read(&email, now()).unwrap();
    assert_eq!(intake.words, "It is in the video.");
    assert!(intake.files.is_empty());
    assert_eq!(intake.not_kept.len(), 1);
    assert!(
        intake.not_kept[0]
            .starts_with("\"damage.mp4\" is 30.0 MB; Mend keeps files of up to 25 MB each."),
        "{:?}",
        intake.not_kept
    );

    let huge = vec![b'a'; MAX_EMAIL_BYTES + 1];
    let error = read(&huge, now()).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("This email is 60.0 MB; Mend reads emails of up to 60 MB."),
        "{error}"
    );
}

#[test]
fn what_is_not_an_email_is_said_so() {
    for bytes in [
        &b""[..],
        b"\x00\x01\x02\xff\xfe",
        b"PK\x03\x04 a zip pretending",
        b"just some words, pasted",
    ] {
        let error = read(bytes, now()).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("This is not an email Mend can read"),
            "{error}"
        );
    }
}

#[test]
fn the_sender_is_matched_to_the_customer_with_that_address() {
    let (mut store, _) = store_at(at(9));
    let ana = store
        .create_complaint(&NewComplaint {
            new_customer: Some(CustomerInput {
                name: "Ana Lima".into(),
                email: "ANA@example.com".into(),
                ..CustomerInput::default()
            }),
            ..phone_complaint("", "Earlier")
        })
        .unwrap();
    let intake = store.intake_from_email(&crlf(PLAIN)).unwrap();
    assert_eq!(intake.customer.map(|c| c.id), Some(ana.customer_id));
    let stranger = PLAIN.replace("ana@example.com", "someone@example.com");
    assert_eq!(
        store.intake_from_email(&crlf(&stranger)).unwrap().customer,
        None
    );
}

#[test]
fn an_email_about_a_complaint_goes_on_its_timeline_as_a_message_from_them() {
    let (mut store, _) = store_at(now());
    let id = store
        .create_complaint(&phone_complaint("Ana Lima", "Wedding cake squashed"))
        .unwrap()
        .id;
    let contact = store
        .add_email_to_complaint(id, &crlf(PLAIN))
        .unwrap()
        .contact;
    assert_eq!(contact.direction, crate::kinds::Direction::Incoming);
    assert_eq!(contact.channel, crate::kinds::Channel::Email);
    assert_eq!(
        contact.at,
        Utc.with_ymd_and_hms(2026, 12, 1, 18, 30, 0).unwrap()
    );
    assert!(contact.text.starts_with("Hello,"), "{}", contact.text);
    let details = store.complaint(id).unwrap();
    assert_eq!(
        details.history.last().unwrap().what,
        "Noted a message from the customer"
    );
    assert!(store.add_email_to_complaint(id, b"not an email").is_err());
    assert_eq!(
        store.complaint(id).unwrap().timeline.len(),
        details.timeline.len()
    );
}

/// An email from Ana with `photo` attached as "squashed.png".
fn with_photo(photo: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(photo);
    let lines: Vec<&str> = encoded
        .as_bytes()
        .chunks(76)
        .map(|line| std::str::from_utf8(line).unwrap())
        .collect();
    crlf(&format!(
        "From: Ana Lima <ana@example.com>
Subject: The cake
Date: Tue, 01 Dec 2026 18:30:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"b1\"

--b1
Content-Type: text/plain; charset=utf-8

Here is how it arrived.
--b1
Content-Type: image/png; name=\"squashed.png\"
Content-Disposition: attachment; filename=\"squashed.png\"
Content-Transfer-Encoding: base64

{}
--b1--
",
        lines.join("\n")
    ))
}

#[test]
fn an_emails_photo_is_kept_with_the_new_complaint_it_becomes() {
    let (mut store, _) = store_at(now());
    let photo = crate::store::test_support::small_photo();
    let intake = store.intake_from_email(&with_photo(&photo)).unwrap();
    assert_eq!(intake.attachments.len(), 1);
    let waiting = &intake.attachments[0];
    assert_eq!(
        (waiting.name.as_str(), waiting.is_image),
        ("squashed.png", true)
    );
    assert_eq!(waiting.complaint_id, None);
    let saved = store
        .create_complaint(&NewComplaint {
            customer_words: intake.words.clone(),
            attachments: vec![waiting.id],
            ..phone_complaint("Ana Lima", &intake.summary)
        })
        .unwrap();
    let kept = store.complaint(saved.id).unwrap().attachments;
    assert_eq!(kept.len(), 1);
    assert_eq!(store.attachment_content(kept[0].id).unwrap().bytes, photo);
}

#[test]
fn an_emails_photo_goes_with_its_entry_on_the_timeline() {
    let (mut store, _) = store_at(now());
    let id = store
        .create_complaint(&phone_complaint("Ana Lima", "Wedding cake squashed"))
        .unwrap()
        .id;
    let photo = crate::store::test_support::small_photo();
    let added = store
        .add_email_to_complaint(id, &with_photo(&photo))
        .unwrap();
    assert!(added.not_kept.is_empty());
    let details = store.complaint(id).unwrap();
    assert_eq!(details.attachments.len(), 1);
    assert_eq!(details.attachments[0].contact_id, Some(added.contact.id));
    assert_eq!(details.attachments[0].name, "squashed.png");
}

#[test]
fn a_zip_pretending_to_be_a_photo_is_kept_as_a_file_never_shown_as_one() {
    let (mut store, _) = store_at(now());
    let email =
        String::from_utf8(with_photo(b"PK\x03\x04 a zip pretending to be a photo")).unwrap();
    let intake = store.intake_from_email(email.as_bytes()).unwrap();
    assert_eq!(intake.attachments.len(), 1);
    assert_eq!(intake.attachments[0].name, "squashed.png");
    assert!(!intake.attachments[0].is_image);
    assert!(store
        .attachment_thumbnail(intake.attachments[0].id)
        .is_err());
}

#[test]
fn nested_multiparts_give_the_text_and_every_file_and_deep_nesting_is_safe() {
    use base64::Engine;
    let photo =
        base64::engine::general_purpose::STANDARD.encode(crate::store::test_support::small_photo());
    let email = format!(
        "From: Ana Lima <ana@example.com>
Subject: Cake
Date: Tue, 01 Dec 2026 18:30:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"outer\"

--outer
Content-Type: multipart/alternative; boundary=\"alt\"

--alt
Content-Type: text/plain; charset=utf-8

It collapsed.
--alt
Content-Type: multipart/related; boundary=\"rel\"

--rel
Content-Type: text/html; charset=utf-8

<p>It <b>collapsed</b>.</p><script>steal()</script><img src=\"cid:p1\">
--rel
Content-Type: image/png; name=\"inline.png\"
Content-ID: <p1>
Content-Transfer-Encoding: base64

{photo}
--rel--
--alt--
--outer
Content-Type: application/pdf; name=\"receipt.pdf\"
Content-Disposition: attachment; filename=\"receipt.pdf\"

%PDF-1.7
--outer--
"
    );
    let intake = read(&crlf(&email), now()).unwrap();
    assert_eq!(intake.words, "It collapsed.");
    let mut kept = names(&intake.files);
    kept.sort();
    assert_eq!(kept, ["inline.png", "receipt.pdf"]);

    // Parts inside parts, a thousand deep: read safely, or refused in words.
    let mut deep = String::from("From: someone@example.com\nSubject: Deep\nMIME-Version: 1.0\n");
    for level in 0..1000 {
        deep.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{level}\"\n\n--b{level}\n"
        ));
    }
    deep.push_str("Content-Type: text/plain\n\nHello\n");
    match read(&crlf(&deep), now()) {
        Ok(intake) => assert_eq!(intake.email, "someone@example.com"),
        Err(error) => assert!(
            error.to_string().starts_with("This is not an email"),
            "{error}"
        ),
    }
}
