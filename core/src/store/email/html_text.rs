//! An email's HTML body as the words a person reads in it: the text of the
//! page with a line break where a block (a paragraph, a line of a list, a
//! `<div>` as mail programs use them for lines) ends, a blank line around
//! paragraphs, `> ` before each line of a quote (the message replied to),
//! and a list's bullets or numbers. Scripts, styles and the page's title are
//! not words; nothing is ever shown as a page, loaded or run. html5gum reads
//! the HTML (tags, character references, and script and style contents as
//! text of their own), much as a browser does.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// Elements whose contents are not words. Mail programs do show `<noscript>`
/// and frames' stand-in text, but in an email that is mostly a way to load
/// a picture that tells the sender the email was read.
const NOT_WORDS: &[&[u8]] = &[
    b"script",
    b"style",
    b"title",
    b"template",
    b"noscript",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// Elements that stand apart from the text around them by a blank line.
const PARAGRAPHS: &[&[u8]] = &[
    b"p",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"blockquote",
    b"pre",
    b"table",
    b"ul",
    b"ol",
    b"dl",
    b"hr",
];

/// Elements that start and end on a line of their own.
const LINES: &[&[u8]] = &[
    b"div",
    b"li",
    b"tr",
    b"dt",
    b"dd",
    b"center",
    b"address",
    b"article",
    b"aside",
    b"caption",
    b"details",
    b"summary",
    b"fieldset",
    b"figure",
    b"figcaption",
    b"footer",
    b"form",
    b"header",
    b"main",
    b"nav",
    b"section",
];

/// Where `<hr>` divides the text, as mail programs draw it.
const RULE: &str = "――――――――――";

/// Enough words for what Mend keeps of an email (`MAX_LONG_TEXT_CHARS`,
/// at most 4 bytes each), with room for quote marks: reading stops there,
/// so that no email, however long or deeply quoted, makes more.
const ENOUGH_BYTES: usize = 4 * crate::store::rows::MAX_LONG_TEXT_CHARS + 64 * 1024;

/// The most `> ` marks before a line, however deep the quotes go.
const MOST_QUOTE_MARKS: usize = 8;

/// The text as it is being put together: spaces and line breaks are held
/// back until the next word, so that none lead, trail or pile up.
#[derive(Default)]
struct Text {
    words: String,
    space: bool,
    breaks: usize,
    /// The elements open now whose contents are not words, the innermost last.
    hidden: Vec<&'static [u8]>,
    preformatted: usize,
    /// How many quotes deep the text is: each of its lines starts with as many `> `.
    quoted: usize,
    /// The lists open now: the next number of a numbered one, None for bullets.
    lists: Vec<Option<u32>>,
    /// A list item's bullet or number, written before its first word.
    marker: Option<String>,
}

impl Text {
    /// A block boundary: at least `breaks` line breaks before the next word.
    fn block(&mut self, breaks: usize) {
        self.breaks = self.breaks.max(breaks);
    }

    fn add(&mut self, text: &str) {
        if !self.hidden.is_empty() {
            return;
        }
        for c in text.chars() {
            // Any white space, `&nbsp;` too, is one space between words
            // (HTML itself keeps `&nbsp;`, which only matters on a page).
            if c.is_whitespace() && self.preformatted == 0 {
                self.space = true;
            } else if c == '\n' {
                self.breaks += 1;
            } else {
                self.word_char(c);
            }
        }
    }

    fn word_char(&mut self, c: char) {
        let line_starts = self.words.is_empty() || self.breaks > 0;
        if !self.words.is_empty() {
            if self.breaks > 0 {
                self.words.push_str(&"\n".repeat(self.breaks.min(2)));
            } else if self.space {
                self.words.push(' ');
            }
        }
        if line_starts {
            self.words
                .push_str(&"> ".repeat(self.quoted.min(MOST_QUOTE_MARKS)));
            if let Some(marker) = self.marker.take() {
                self.words.push_str(&marker);
            }
        }
        self.breaks = 0;
        self.space = false;
        self.words.push(c);
    }

    fn is_enough(&self) -> bool {
        self.words.len() >= ENOUGH_BYTES
    }

    fn start(&mut self, name: &[u8]) {
        if let Some(hidden) = NOT_WORDS.iter().copied().find(|hidden| *hidden == name) {
            self.hidden.push(hidden);
        }
        // Tags inside what is not words (a `<template>`) change nothing.
        if !self.hidden.is_empty() {
            return;
        }
        if name == b"br" {
            self.breaks += 1;
        } else if PARAGRAPHS.contains(&name) {
            self.block(2);
        } else if LINES.contains(&name) {
            self.block(1);
        } else if name == b"td" || name == b"th" {
            self.space = true;
        }
        match name {
            b"pre" => self.preformatted += 1,
            b"blockquote" => self.quoted += 1,
            b"ul" => self.lists.push(None),
            b"ol" => self.lists.push(Some(1)),
            b"li" => {
                self.marker = Some(match self.lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}. ", *number - 1)
                    }
                    _ => "- ".to_owned(),
                })
            }
            b"hr" => {
                for c in RULE.chars() {
                    self.word_char(c);
                }
                self.block(2);
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if !self.hidden.is_empty() {
            // Only the end of the innermost one counts (`</script>` inside
            // a template does not end the template).
            if self.hidden.last() == Some(&name) {
                self.hidden.pop();
            }
            return;
        }
        if PARAGRAPHS.contains(&name) {
            self.block(2);
        } else if LINES.contains(&name) {
            self.block(1);
        }
        match name {
            b"pre" => self.preformatted = self.preformatted.saturating_sub(1),
            b"blockquote" => self.quoted = self.quoted.saturating_sub(1),
            b"ul" | b"ol" => {
                self.lists.pop();
            }
            _ => {}
        }
    }
}

/// An HTML body as the words a person reads in it.
pub fn html_as_text(html: &str) -> String {
    let mut text = Text::default();
    // The start tag being read: it counts once it is whole (`<br/>`, `<p class=x>`).
    let mut opening = Vec::new();
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| {
        match event {
            CallbackEvent::OpenStartTag { name } => opening = name.to_vec(),
            // As in browsers, `<script/>` opens a script all the same.
            CallbackEvent::CloseStartTag { .. } => text.start(&opening),
            CallbackEvent::EndTag { name } => text.end(name),
            CallbackEvent::String { value } => text.add(&String::from_utf8_lossy(value)),
            _ => {}
        }
        // Something to stop at, once there are enough words.
        text.is_enough().then_some(())
    });
    // Script and style contents are read as text of their own, not as tags.
    emitter.naively_switch_states(true);
    // Reads to the end, or until there are enough words.
    let _ = Tokenizer::new_with_emitter(html, emitter).next();
    text.words
}

#[cfg(test)]
mod tests {
    use super::html_as_text;

    #[test]
    fn paragraphs_are_apart_and_lines_of_a_mail_program_are_lines() {
        assert_eq!(
            html_as_text("<p>The <b>tart</b>\n   was broken.</p><p>Please call me.</p>"),
            "The tart was broken.\n\nPlease call me."
        );
        assert_eq!(
            html_as_text(
                "<div>Hello,</div><div><br></div><div>The order is late.</div><div>Ann</div>"
            ),
            "Hello,\n\nThe order is late.\nAnn"
        );
        assert_eq!(
            html_as_text("one<br>two<br/><br>three"),
            "one\ntwo\n\nthree"
        );
        assert_eq!(
            html_as_text("<ul><li>a cake</li><li>a tart</li></ul>Thanks"),
            "- a cake\n- a tart\n\nThanks"
        );
        assert_eq!(
            html_as_text("Steps:<ol><li>opened the box</li><li>found the crack</li></ol>"),
            "Steps:\n\n1. opened the box\n2. found the crack"
        );
        assert_eq!(html_as_text("a<center>b</center>c"), "a\nb\nc");
        assert_eq!(
            html_as_text("<table><tr><td>Order</td><td>1234</td></tr><tr><td>Paid</td><td>yes</td></tr></table>"),
            "Order 1234\nPaid yes"
        );
    }

    #[test]
    fn the_message_replied_to_is_quoted_and_a_rule_divides() {
        let reply =
            "<div>It is still broken.</div><div class=\"gmail_quote\">On Tuesday you wrote:<br>\
                     <blockquote><div>Your order is on its way.</div><div>Thanks!</div>\
                     <blockquote>Where is my order?</blockquote></blockquote></div>";
        assert_eq!(
            html_as_text(reply),
            "It is still broken.\nOn Tuesday you wrote:\n\n> Your order is on its way.\n> Thanks!\n\n> > Where is my order?"
        );
        assert_eq!(
            html_as_text("<p>Ann</p><hr><p>From: Sweet Bakes</p>"),
            "Ann\n\n――――――――――\n\nFrom: Sweet Bakes"
        );
    }

    #[test]
    fn tags_inside_what_is_not_words_change_nothing() {
        assert_eq!(
            html_as_text("Dear<template><br><pre></template> Ann  Lee"),
            "Dear Ann Lee"
        );
        assert_eq!(html_as_text("<template>a</iframe>b</template>c"), "c");
        assert_eq!(html_as_text("a</script>b"), "ab");
        assert_eq!(html_as_text("a<script>never closed<p>b"), "a");
    }

    #[test]
    fn scripts_styles_and_titles_are_not_words() {
        let html = "<html><head><title>Mail</title><style>p { color: red }</style>\
                    <script>if (a < b) { alert('x') }</script></head>\
                    <body onload=\"steal()\"><p>Broken.</p>\
                    <img src=\"http://tracker.example/p.gif\" alt=\"pixel\"><!-- a note -->\
                    <p>Call me.</p><script>document.write('<p>no</p>')</script>\
                    <noscript><img src=\"http://tracker.example/n.gif\"></noscript>\
                    <iframe src=\"http://tracker.example/\">Your mail program shows no frames</iframe>\
                    </body></html>";
        assert_eq!(html_as_text(html), "Broken.\n\nCall me.");
    }

    #[test]
    fn character_references_are_read_and_preformatted_text_kept() {
        assert_eq!(
            html_as_text("Fish &amp; chips &pound;5 &#8364;6&nbsp;each &lt;b&gt;"),
            "Fish & chips £5 €6 each <b>"
        );
        assert_eq!(
            html_as_text("<pre>Order  1\n  Order 2</pre>"),
            "Order  1\n  Order 2"
        );
    }

    #[test]
    fn no_email_makes_more_words_than_are_kept() {
        let deep = format!(
            "{}{}",
            "<blockquote>".repeat(100_000),
            "<br>a word".repeat(500_000)
        );
        let words = html_as_text(&deep);
        assert!(words.len() <= super::ENOUGH_BYTES + 100, "{}", words.len());
        assert!(words.starts_with(&"> ".repeat(8)), "{}", &words[..40]);
        assert!(!words.starts_with(&"> ".repeat(9)));
    }

    #[test]
    fn broken_html_still_gives_its_words() {
        assert_eq!(
            html_as_text("<p>Unclosed <b>bold <i>and"),
            "Unclosed bold and"
        );
        assert_eq!(html_as_text("a < b and c > d"), "a < b and c > d");
        assert_eq!(html_as_text("<div"), "");
        assert_eq!(html_as_text(""), "");
    }
}
