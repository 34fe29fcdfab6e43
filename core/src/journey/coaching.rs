//! What Mend tells the owner at each step: coaching, a checklist and the default message template.
//! Drawn from well-known complaint-handling practice, in our own words.

use super::Step;
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coaching {
    pub step: Step,
    /// The step's name as the owner sees it: "Acknowledge", "Follow up", "Close and learn".
    pub title: &'static str,
    /// One short sentence: the point of this step.
    pub purpose: &'static str,
    /// What to do: 3 to 5 short imperative lines.
    pub do_this: &'static [&'static str],
    /// What to avoid: 2 to 4 short lines.
    pub avoid: &'static [&'static str],
    pub checklist: &'static [ChecklistItem],
    /// The default message draft for this step. Placeholders, written literally with braces:
    /// {first_name} {business_name} {owner_name} {summary} {promised_date} {remedy}.
    pub template: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ChecklistItem {
    /// Stable, snake_case, unique within the step (stored in the database; never rename).
    pub key: &'static str,
    pub label: &'static str,
}

const fn item(key: &'static str, label: &'static str) -> ChecklistItem {
    ChecklistItem { key, label }
}

/// All seven steps, in order.
pub static COACHING: [Coaching; 7] = [
    Coaching {
        step: Step::Receive,
        title: "Receive",
        purpose: "Understand what went wrong and how it left the customer feeling, before doing anything else.",
        do_this: &[
            "Let them get it all out; don't interrupt or rush to reply.",
            "Ask questions until you could explain the problem in your own words.",
            "Note the facts and the feelings, and ask what outcome they hope for.",
            "Urgent (health, safety or money at risk)? Deal with it right away.",
            "Public review or forum post? Reply there briefly and calmly, then take the details somewhere private.",
        ],
        avoid: &[
            "Answering back before you really understand the problem.",
            "Deleting or ignoring a public complaint.",
            "Replying while you are still annoyed; take a breath first.",
        ],
        checklist: &[
            item("listened_fully", "Let them explain without interrupting"),
            item("problem_clear", "Asked questions until the problem was clear"),
            item("facts_and_feelings_noted", "Noted the facts and how they feel"),
            item("desired_outcome_asked", "Asked what outcome they want"),
            item("urgency_checked", "Checked whether health, safety or money is at risk"),
            item("public_reply_moved_private", "If it was posted publicly: replied briefly there and moved to a private channel"),
        ],
        template: "Hello {first_name},\n\n\
            Thank you for letting me know about what happened (\"{summary}\").\n\
            I have read your message and I am looking into it myself.\n\
            If there is anything else I should know, or an outcome you would like, just reply to this message.\n\
            I will be back in touch very soon.\n\n\
            {owner_name}\n{business_name}",
    },
    Coaching {
        step: Step::Acknowledge,
        title: "Acknowledge",
        purpose: "Show the customer they have been heard and that you are on their side.",
        do_this: &[
            "Tell them plainly that you have heard them and are on their side.",
            "Put the problem back in your own words so they know you understood.",
            "Accept what went wrong, even when it is uncomfortable to hear.",
            "Find something you can honestly agree with.",
        ],
        avoid: &[
            "Defending yourself or explaining why it wasn't your fault.",
            "Hinting that the customer caused the problem or misused the product.",
            "Arguing over details or correcting how they see things.",
        ],
        checklist: &[
            item("heard_confirmed", "Told them their complaint was heard"),
            item("problem_restated", "Put the problem back in your own words"),
            item("on_their_side", "Said you are on their side"),
            item("facts_accepted", "Accepted the facts without arguing or blaming"),
        ],
        template: "Dear {first_name},\n\n\
            I have gone through everything you told me about your complaint (\"{summary}\"), and I can see why you are frustrated.\n\
            You were right to raise it, and I am on your side in sorting it out.\n\
            I will come back to you shortly with what I am going to do.\n\n\
            {owner_name}\n{business_name}",
    },
    Coaching {
        step: Step::Apologize,
        title: "Apologize",
        purpose: "Say sorry sincerely and take responsibility for the business, whoever was at fault.",
        do_this: &[
            "Apologize clearly and personally, in your own words.",
            "Own it for the business, even if a supplier or courier slipped up.",
            "After the apology, show you understand how it affected them.",
            "Apologize first; any fix comes after.",
        ],
        avoid: &[
            "Conditional apologies such as \"sorry if you feel...\".",
            "Excuses, or pointing at someone else (courier, supplier, helper).",
        ],
        checklist: &[
            item("apology_sincere", "Apologized sincerely, with no \"if\" and no \"but\""),
            item("responsibility_taken", "Took responsibility for the business"),
            item("no_excuses", "Made no excuses and blamed no one"),
            item("empathy_shown", "Showed you understand how it affected them"),
        ],
        template: "Dear {first_name},\n\n\
            I am truly sorry about what happened (\"{summary}\"). That is not what you should expect from {business_name}, and it is my responsibility, whatever the cause.\n\
            I can imagine how disappointing and frustrating this has been for you.\n\
            Thank you for your patience while I put it right.\n\n\
            {owner_name}\n{business_name}",
    },
    Coaching {
        step: Step::Assure,
        title: "Assure",
        purpose: "Tell the customer what you will do, by when, and what will change so it doesn't happen again.",
        do_this: &[
            "Explain what you will do to put it right, by a date you are sure you can keep.",
            "Offer a choice where you can, and ask what suits them.",
            "Say what you are changing so it won't happen again.",
            "Be honest about what you can't do or don't offer.",
        ],
        avoid: &[
            "Promising something that doesn't exist or that you can't deliver.",
            "Vague answers like \"soon\" or \"we'll look into it\".",
            "Deciding the remedy without asking them.",
        ],
        checklist: &[
            item("plan_explained", "Explained what you will do"),
            item("date_promised", "Gave a date you can keep"),
            item("choice_offered", "Offered a choice or asked what suits them"),
            item("prevention_stated", "Said what will change to stop it happening again"),
            item("limits_honest", "Was honest about anything you can't do"),
        ],
        template: "Dear {first_name},\n\n\
            I will have this put right for you by {promised_date}, and I will keep you posted along the way.\n\
            If you would prefer a different solution, just tell me and we will agree on it together.\n\
            I am also changing how we do things at {business_name} so that this does not happen again.\n\n\
            {owner_name}\n{business_name}",
    },
    Coaching {
        step: Step::Fix,
        title: "Fix",
        purpose: "Do what you promised, and keep the customer informed until it is done.",
        do_this: &[
            "Carry out the remedy you agreed.",
            "If it takes time, send short updates so they are never left wondering.",
            "Keep the promised date; if it might slip, warn them before it does and give a new one.",
            "Tell them as soon as it is done.",
        ],
        avoid: &[
            "Going quiet while the work is under way.",
            "Letting the promised date pass without a word.",
            "Delivering less than you promised.",
        ],
        checklist: &[
            item("remedy_delivered", "Delivered the agreed remedy"),
            item("kept_informed", "Kept the customer updated while it took time"),
            item("date_kept", "Met the promised date, or warned them in advance"),
            item("completion_told", "Told the customer it is done"),
        ],
        template: "Hello {first_name},\n\n\
            As promised, I have now arranged {remedy} for you.\n\
            If anything about it is not right, please tell me straight away and I will sort it out.\n\
            Thank you again for your patience.\n\n\
            {owner_name}\n{business_name}",
    },
    Coaching {
        step: Step::FollowUp,
        title: "Follow up",
        purpose: "Make sure the problem is really solved and the customer feels good about how it was handled.",
        do_this: &[
            "Get in touch once the fix is done and ask whether it worked.",
            "Ask how they feel about the way it was handled, not only the result.",
            "Listen again and give them room to say more.",
            "Thank them for bringing it to you.",
            "Still not satisfied? Go back to Assure with a new plan.",
        ],
        avoid: &[
            "Taking silence to mean they are happy.",
            "Asking only about the practical side and skipping the feelings.",
            "Getting defensive if they are still unhappy.",
        ],
        checklist: &[
            item("practical_resolved", "Checked the practical problem is solved"),
            item("feelings_resolved", "Checked they feel fine about how it was handled"),
            item("thanked", "Thanked them for raising it"),
            item("satisfaction_recorded", "Recorded how satisfied they are, in their words"),
        ],
        template: "Hello {first_name},\n\n\
            I wanted to check in now that things have been put right. Is everything as it should be?\n\
            And how do you feel about the way it was handled? An honest answer helps me do better.\n\
            Thank you again for telling me about it; it really does help.\n\n\
            {owner_name}\n{business_name}",
    },
    Coaching {
        step: Step::Close,
        title: "Close and learn",
        purpose: "Find out why it happened and change what needs changing, so it doesn't happen again.",
        do_this: &[
            "Work out the real cause, not just what went wrong on the day.",
            "One-off or pattern? Choose the cause: Mend says how many others had it lately. A pattern is a known issue: fix it once, tell everyone.",
            "Decide on one concrete change to prevent it, and make it.",
            "If it feels right, plan a friendly check-in with the customer later.",
            "Send a short closing note to thank them.",
        ],
        avoid: &[
            "Closing the complaint without writing down the lesson.",
            "Blaming bad luck when the same thing keeps coming back.",
            "Putting off the preventive change until \"one day\".",
        ],
        checklist: &[
            item("root_cause_found", "Found out why it happened"),
            item("pattern_checked", "Checked whether it is a one-off or a pattern"),
            item("prevention_decided", "Decided on a change to stop it happening again"),
            item("closing_note_sent", "Sent a thank-you and closing note"),
            item("check_in_considered", "Considered a friendly check-in later"),
        ],
        template: "Dear {first_name},\n\n\
            Thank you once more for raising this with me, and for your patience while I sorted it out.\n\
            Because you spoke up, I have made a change at {business_name} so that it should not happen again.\n\
            I would be glad to serve you again, and if anything is ever not right, please tell me directly.\n\n\
            Warm regards,\n\
            {owner_name}\n{business_name}",
    },
];

/// The coaching for one step.
pub fn coaching(step: Step) -> &'static Coaching {
    COACHING
        .iter()
        .find(|c| c.step == step)
        .expect("COACHING covers every step")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const ORDER: [Step; 7] = [
        Step::Receive,
        Step::Acknowledge,
        Step::Apologize,
        Step::Assure,
        Step::Fix,
        Step::FollowUp,
        Step::Close,
    ];
    const ALLOWED: [&str; 6] = [
        "first_name",
        "business_name",
        "owner_name",
        "summary",
        "promised_date",
        "remedy",
    ];

    #[test]
    fn every_step_once_and_in_order() {
        for (i, step) in ORDER.iter().enumerate() {
            assert_eq!(COACHING[i].step, *step, "position {i}");
            assert_eq!(COACHING.iter().filter(|c| c.step == *step).count(), 1);
            assert_eq!(coaching(*step).step, *step);
        }
    }

    fn is_snake_case(key: &str) -> bool {
        let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
        key.starts_with(|c: char| c.is_ascii_lowercase())
            && key.chars().all(ok)
            && !key.ends_with('_')
            && !key.contains("__")
    }

    #[test]
    fn checklist_keys_are_unique_snake_case() {
        for c in &COACHING {
            let mut seen = HashSet::new();
            for it in c.checklist {
                assert!(is_snake_case(it.key), "bad key {:?}", it.key);
                assert!(seen.insert(it.key), "duplicate key {:?}", it.key);
                assert!(!it.label.trim().is_empty(), "empty label {:?}", it.key);
            }
        }
    }

    #[test]
    fn templates_use_only_allowed_placeholders() {
        for c in &COACHING {
            let (t, step) = (c.template, c.step);
            let mut rest = t;
            while let Some(open) = rest.find('{') {
                assert!(!rest[..open].contains('}'), "{step:?}: stray brace");
                let after = &rest[open + 1..];
                let close = after.find('}').expect("unclosed brace");
                let name = &after[..close];
                assert!(ALLOWED.contains(&name), "{step:?}: unknown {name:?}");
                rest = &after[close + 1..];
            }
            assert!(!rest.contains('}'), "{step:?}: stray brace");
            assert!(t.is_ascii(), "{step:?}: template is not plain ASCII");
            let greets =
                t.starts_with("Dear {first_name},") || t.starts_with("Hello {first_name},");
            assert!(greets, "{step:?}: template must open with a greeting");
        }
        assert!(coaching(Step::Assure).template.contains("{promised_date}"));
        assert!(coaching(Step::Fix).template.contains("{remedy}"));
    }

    #[test]
    fn every_step_has_enough_guidance() {
        for c in &COACHING {
            let step = c.step;
            assert!(c.checklist.len() >= 3, "{step:?}: too few checklist items");
            assert!((3..=5).contains(&c.do_this.len()), "{step:?}: do_this");
            assert!((2..=4).contains(&c.avoid.len()), "{step:?}: avoid");
        }
    }
}
