use super::*;

fn at(next: Step, apologized: bool) -> Progress {
    Progress {
        next,
        apologized,
        closed: false,
    }
}

#[test]
fn steps_are_in_the_order_of_the_journey() {
    let titles: Vec<_> = Step::ALL.iter().map(|step| step.as_str()).collect();
    assert_eq!(
        titles,
        [
            "receive",
            "acknowledge",
            "apologize",
            "assure",
            "fix",
            "follow_up",
            "close"
        ]
    );
    for pair in Step::ALL.windows(2) {
        assert!(pair[0] < pair[1]);
        assert_eq!(pair[0].next(), pair[1]);
    }
}

#[test]
fn the_next_step_may_be_recorded() {
    assert!(check_record(at(Step::Acknowledge, false), Step::Acknowledge).is_ok());
    assert!(check_record(at(Step::Fix, true), Step::Fix).is_ok());
}

#[test]
fn fix_is_refused_before_apology() {
    for next in [Step::Acknowledge, Step::Apologize] {
        let err = check_record(at(next, false), Step::Fix).unwrap_err();
        assert_eq!(err.to_string(), FIX_BEFORE_APOLOGY);
        assert_eq!(err.code(), "refused");
    }
}

#[test]
fn a_later_step_is_refused_with_the_step_to_do_first() {
    let err = check_record(at(Step::Acknowledge, false), Step::Assure).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Please do \"Acknowledge\" first: the steps are done in order, and \"Assure\" comes later."
    );
}

#[test]
fn a_step_already_done_is_refused() {
    let err = check_record(at(Step::Assure, true), Step::Acknowledge).unwrap_err();
    assert!(err.to_string().contains("already done"), "{err}");
}

#[test]
fn nothing_is_recorded_on_a_closed_complaint() {
    let closed = Progress {
        next: Step::Close,
        apologized: true,
        closed: true,
    };
    let err = check_record(closed, Step::Fix).unwrap_err();
    assert!(err.to_string().contains("Reopen it first"), "{err}");
}

#[test]
fn an_unsatisfied_follow_up_goes_back_to_assure() {
    assert_eq!(after_record(Step::FollowUp, false), Step::Assure);
    assert_eq!(after_record(Step::FollowUp, true), Step::Close);
    assert_eq!(after_record(Step::Apologize, false), Step::Assure);
}

#[test]
fn closing_early_needs_a_reason_that_is_not_resolved() {
    let early = at(Step::Fix, true);
    let err = check_close(early, true, true).unwrap_err();
    assert_eq!(err.code(), "refused");
    assert!(err.to_string().contains("not resolved yet"), "{err}");
    let err = check_close(early, false, false).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(
        err.to_string().contains("why you are closing it early"),
        "{err}"
    );
    assert!(check_close(early, true, false).is_ok());
}

#[test]
fn closing_after_the_follow_up_is_allowed() {
    assert!(check_close(at(Step::Close, true), true, true).is_ok());
}

#[test]
fn only_a_closed_complaint_can_be_reopened() {
    let err = check_reopen(at(Step::Fix, true)).unwrap_err();
    assert_eq!(err.to_string(), "This complaint is already open.");
    let closed = Progress {
        next: Step::Close,
        apologized: true,
        closed: true,
    };
    assert!(check_reopen(closed).is_ok());
}
