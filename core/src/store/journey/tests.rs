use super::*;
use crate::journey::FIX_BEFORE_APOLOGY;
use crate::kinds::Direction;
use crate::store::rows::ChecklistTick;
use crate::store::settings::DraftChoices;
use crate::store::test_support::{at, entry, phone_complaint, store_at, walk_to};

fn new_complaint(store: &mut Store) -> i64 {
    store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap()
        .id
}

fn closing(reason: CloseReason, note: &str) -> Closing {
    Closing {
        reason,
        note: note.into(),
        root_cause: "The box was too thin".into(),
        preventive_action: "Use double-walled boxes".into(),
        check_in_date: None,
        cause_id: None,
        issue: Default::default(),
    }
}

#[test]
fn each_step_moves_the_complaint_to_the_next() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    for (step, next) in [
        (Step::Acknowledge, Step::Apologize),
        (Step::Apologize, Step::Assure),
        (Step::Assure, Step::Fix),
        (Step::Fix, Step::FollowUp),
        (Step::FollowUp, Step::Close),
    ] {
        let details = store.record_step(id, step, &entry(step)).unwrap();
        assert_eq!(details.summary.step, next, "after {step:?}");
    }
}

#[test]
fn recording_a_step_saves_what_was_said_and_when() {
    let (mut store, _) = store_at(at(9));
    let earlier = crate::store::complaints::NewComplaint {
        received_at: Some("2026-11-23T08:00:00Z".into()),
        ..phone_complaint("Ana Lima", "Cake arrived squashed")
    };
    let id = store.create_complaint(&earlier).unwrap().id;
    let said = StepEntry {
        done_at: Some("2026-11-23T08:30:00Z".into()),
        channel: Some(Channel::Email),
        text: "Thank you for telling me; I am on it.".into(),
        ..StepEntry::default()
    };
    store.record_step(id, Step::Acknowledge, &said).unwrap();
    let details = store.complaint(id).unwrap();
    let record = &details.records[0];
    assert_eq!(record.step, Step::Acknowledge);
    assert_eq!(record.text, "Thank you for telling me; I am on it.");
    assert_eq!(record.channel, Some(Channel::Email));
    assert_eq!(record.done_at, at(8) + chrono::Duration::minutes(30));
    assert_eq!(details.acknowledged_at, Some(record.done_at));
    let last = details.timeline.last().unwrap();
    assert_eq!(
        (last.direction, last.text.as_str()),
        (Direction::Outgoing, record.text.as_str())
    );
    assert_eq!(details.history.last().unwrap().what, "Recorded Acknowledge");
}

#[test]
fn fix_is_refused_before_apology_and_nothing_is_saved() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    walk_to(&mut store, id, Step::Apologize);
    let err = store
        .record_step(id, Step::Fix, &entry(Step::Fix))
        .unwrap_err();
    assert_eq!(err.to_string(), FIX_BEFORE_APOLOGY);
    let details = store.complaint(id).unwrap();
    assert_eq!(details.records.len(), 1);
    assert_eq!(details.summary.step, Step::Apologize);
}

#[test]
fn assure_needs_a_plan_and_a_promised_date() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    walk_to(&mut store, id, Step::Assure);
    let cases = [
        (
            StepEntry {
                text: " ".into(),
                ..entry(Step::Assure)
            },
            "Please write the plan",
        ),
        (
            StepEntry {
                promised_date: None,
                ..entry(Step::Assure)
            },
            "Please choose the promised date",
        ),
        (
            StepEntry {
                promised_date: Some("2026-11-31".into()),
                ..entry(Step::Assure)
            },
            "not a valid date",
        ),
        (
            StepEntry {
                promised_date: Some("2026-11-22".into()),
                ..entry(Step::Assure)
            },
            "before the day it was given",
        ),
    ];
    for (bad, expected) in cases {
        let err = store.record_step(id, Step::Assure, &bad).unwrap_err();
        assert!(err.to_string().contains(expected), "{expected}: {err}");
    }
    let details = store
        .record_step(id, Step::Assure, &entry(Step::Assure))
        .unwrap();
    assert_eq!(
        details.summary.promised_date,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
    );
}

#[test]
fn a_fix_needs_a_remedy_and_a_readable_cost() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    walk_to(&mut store, id, Step::Fix);
    let no_remedy = StepEntry {
        remedy: None,
        ..entry(Step::Fix)
    };
    assert!(store
        .record_step(id, Step::Fix, &no_remedy)
        .unwrap_err()
        .to_string()
        .contains("remedy"));
    let bad_cost = StepEntry {
        cost: Some("twelve".into()),
        ..entry(Step::Fix)
    };
    assert!(store
        .record_step(id, Step::Fix, &bad_cost)
        .unwrap_err()
        .to_string()
        .contains("not an amount"));
    let fine = StepEntry {
        cost: Some("12,5".into()),
        ..entry(Step::Fix)
    };
    let details = store.record_step(id, Step::Fix, &fine).unwrap();
    assert_eq!(details.records.last().unwrap().cost_cents, Some(1250));
}

#[test]
fn an_unsatisfied_follow_up_reopens_at_assure_for_a_new_plan() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    walk_to(&mut store, id, Step::FollowUp);
    let unhappy = StepEntry {
        text: "Still cracked.".into(),
        satisfaction: Some(2),
        satisfied: Some(false),
        ..StepEntry::default()
    };
    let details = store.record_step(id, Step::FollowUp, &unhappy).unwrap();
    assert_eq!(details.summary.step, Step::Assure);
    assert_eq!(details.fixed_at, None);
    assert!(details
        .history
        .last()
        .unwrap()
        .what
        .contains("back to Assure"));
    let fix_early = store
        .record_step(id, Step::Fix, &entry(Step::Fix))
        .unwrap_err();
    assert!(fix_early.to_string().contains("Assure"), "{fix_early}");
    for step in [Step::Assure, Step::Fix, Step::FollowUp] {
        store.record_step(id, step, &entry(step)).unwrap();
    }
    assert_eq!(store.complaint_summary(id).unwrap().step, Step::Close);
}

#[test]
fn a_follow_up_needs_a_score_and_an_answer() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    walk_to(&mut store, id, Step::FollowUp);
    let no_score = StepEntry {
        satisfaction: Some(6),
        ..entry(Step::FollowUp)
    };
    let err = store
        .record_step(id, Step::FollowUp, &no_score)
        .unwrap_err();
    assert!(err.to_string().contains("from 1 to 5"), "{err}");
    let no_answer = StepEntry {
        satisfied: None,
        ..entry(Step::FollowUp)
    };
    let err = store
        .record_step(id, Step::FollowUp, &no_answer)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("whether the customer is satisfied"),
        "{err}"
    );
}

#[test]
fn closing_after_the_follow_up_keeps_the_lesson() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    walk_to(&mut store, id, Step::Close);
    let details = store
        .close_complaint(id, &closing(CloseReason::Resolved, ""))
        .unwrap();
    assert_eq!(details.summary.closed_at, Some(at(9)));
    assert_eq!(details.close_reason, Some(CloseReason::Resolved));
    let lesson = details.records.last().unwrap();
    assert_eq!(lesson.root_cause, "The box was too thin");
    assert_eq!(lesson.preventive_action, "Use double-walled boxes");
    let err = store
        .record_step(id, Step::Fix, &entry(Step::Fix))
        .unwrap_err();
    assert!(err.to_string().contains("closed"), "{err}");
}

#[test]
fn closing_early_needs_a_reason_and_the_lesson() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    walk_to(&mut store, id, Step::Fix);
    let as_resolved = store
        .close_complaint(id, &closing(CloseReason::Resolved, ""))
        .unwrap_err();
    assert!(
        as_resolved.to_string().contains("not resolved yet"),
        "{as_resolved}"
    );
    let other_without_note = store
        .close_complaint(id, &closing(CloseReason::Other, " "))
        .unwrap_err();
    assert!(
        other_without_note.to_string().contains("why"),
        "{other_without_note}"
    );
    let no_lesson = Closing {
        root_cause: "".into(),
        ..closing(CloseReason::Withdrawn, "")
    };
    let err = store.close_complaint(id, &no_lesson).unwrap_err();
    assert!(err.to_string().contains("lesson"), "{err}");
    let details = store
        .close_complaint(id, &closing(CloseReason::Unreachable, ""))
        .unwrap();
    assert_eq!(details.close_reason, Some(CloseReason::Unreachable));
}

#[test]
fn a_closed_complaint_can_be_reopened() {
    let (mut store, _) = store_at(at(9));
    let early = new_complaint(&mut store);
    walk_to(&mut store, early, Step::Fix);
    store
        .close_complaint(early, &closing(CloseReason::Withdrawn, ""))
        .unwrap();
    let reopened = store
        .reopen_complaint(early, "The customer called back")
        .unwrap();
    assert_eq!(reopened.summary.closed_at, None);
    assert_eq!(reopened.summary.step, Step::Fix, "back where it stood");
    assert!(reopened
        .history
        .last()
        .unwrap()
        .what
        .contains("called back"));

    let resolved = new_complaint(&mut store);
    walk_to(&mut store, resolved, Step::Close);
    store
        .close_complaint(resolved, &closing(CloseReason::Resolved, ""))
        .unwrap();
    let reopened = store.reopen_complaint(resolved, "").unwrap();
    assert_eq!(reopened.summary.step, Step::Assure, "a new plan is needed");
    let err = store.reopen_complaint(resolved, "").unwrap_err();
    assert_eq!(err.to_string(), "This complaint is already open.");
}

#[test]
fn the_history_cannot_be_changed_or_deleted() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    for sql in ["UPDATE history SET what = 'nothing'", "DELETE FROM history"] {
        let err = store.conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("history is never"), "{err}");
    }
    assert_eq!(store.complaint(id).unwrap().history.len(), 1);
}

#[test]
fn checklist_items_are_ticked_and_unticked() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    let item = crate::journey::coaching::coaching(Step::Apologize).checklist[0].key;
    store
        .set_checklist_item(id, Step::Apologize, item, true)
        .unwrap();
    store
        .set_checklist_item(id, Step::Apologize, item, true)
        .unwrap();
    let ticks = store.complaint(id).unwrap().ticks;
    assert_eq!(
        ticks,
        vec![ChecklistTick {
            step: Step::Apologize,
            item: item.into()
        }]
    );
    store
        .set_checklist_item(id, Step::Apologize, item, false)
        .unwrap();
    assert!(store.complaint(id).unwrap().ticks.is_empty());
    let err = store
        .set_checklist_item(id, Step::Apologize, "made_up", true)
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(
        err.to_string()
            .contains("\"made_up\" is not on the checklist"),
        "{err}"
    );
}

#[test]
fn a_step_cannot_be_dated_before_the_complaint_or_in_the_future() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    let before = StepEntry {
        done_at: Some("2026-11-23T08:00:00Z".into()),
        ..entry(Step::Acknowledge)
    };
    assert!(store
        .record_step(id, Step::Acknowledge, &before)
        .unwrap_err()
        .to_string()
        .contains("before the complaint"));
    let future = StepEntry {
        done_at: Some("2026-11-23T11:00:00Z".into()),
        ..entry(Step::Acknowledge)
    };
    assert!(store
        .record_step(id, Step::Acknowledge, &future)
        .unwrap_err()
        .to_string()
        .contains("future"));
}

#[test]
fn the_draft_message_is_filled_from_the_complaint_and_settings() {
    let (mut store, _) = store_at(at(9));
    let id = new_complaint(&mut store);
    store
        .save_settings(&crate::store::settings::Settings {
            business_name: "Lima Cakes".into(),
            owner_name: "Rui".into(),
            currency: None,
        })
        .unwrap();
    store
        .save_template(
            Step::Assure,
            "Hi {first_name}, {summary}: fixed by {promised_date}. {owner_name}, {business_name}",
        )
        .unwrap();
    walk_to(&mut store, id, Step::Fix);
    let draft = store
        .draft_message(id, Step::Assure, &DraftChoices::default())
        .unwrap();
    assert_eq!(
        draft.text,
        "Hi Ana, Cake arrived squashed: fixed by Friday 27 November. Rui, Lima Cakes"
    );
    assert!(draft.gaps.is_empty());
    let choosing = DraftChoices {
        promised_date: Some("2026-11-30".into()),
        remedy: Some(Remedy::Refund),
    };
    let draft = store
        .draft_message(id, Step::Assure, &choosing)
        .unwrap()
        .text;
    assert!(draft.contains("fixed by Monday 30 November"), "{draft}");
    store
        .save_template(Step::Fix, "I have arranged {remedy}.")
        .unwrap();
    assert_eq!(
        store.draft_message(id, Step::Fix, &choosing).unwrap().text,
        "I have arranged a full refund."
    );
    let reset = store.reset_template(Step::Assure).unwrap();
    assert!(reset.is_default);
}
