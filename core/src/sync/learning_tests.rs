//! The learning half on two computers: a known issue with its complaints,
//! its improvement and the customers told of it reach the other computer,
//! and a customer told on both is told once.

use super::test_computers::{laptop_and_desktop, only_complaint, rounds, Computer};
use chrono::Duration;

use crate::kinds::{Channel, IssueStatus};
use crate::store::improvements::ImprovementInput;
use crate::store::known_issues::telling::Telling;
use crate::store::known_issues::IssueText;
use crate::store::test_support::at;

fn the_issue(on: &Computer) -> i64 {
    let issues = on.store.known_issues().unwrap();
    assert_eq!(issues.len(), 1, "one known issue");
    issues[0].id
}

#[test]
fn a_known_issue_its_improvement_and_who_was_told_reach_the_other_computer() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, made) = laptop_and_desktop(shared.path());
    let issue = laptop
        .store
        .create_known_issue(&IssueText {
            title: "Boxes too thin for tall cakes".into(),
            workaround: "Collect tall cakes from the shop".into(),
            ..IssueText::default()
        })
        .unwrap()
        .summary
        .id;
    // A minute between each (the history is in the order of its times).
    laptop.clock.set(at(9) + Duration::minutes(1));
    laptop.store.link_complaint(issue, made).unwrap();
    laptop.clock.set(at(9) + Duration::minutes(2));
    laptop
        .store
        .add_improvement(
            Some(issue),
            &ImprovementInput {
                what: "Double-wall boxes for every cake".into(),
                ..ImprovementInput::default()
            },
        )
        .unwrap();
    laptop.clock.set(at(9) + Duration::minutes(3));
    laptop
        .store
        .set_known_issue_status(issue, IssueStatus::Fixed)
        .unwrap();
    rounds(&mut laptop, &mut desktop);

    let there = the_issue(&desktop);
    let on_desktop = desktop.store.known_issue(there).unwrap();
    assert_eq!(on_desktop.summary.title, "Boxes too thin for tall cakes");
    assert_eq!(on_desktop.workaround, "Collect tall cakes from the shop");
    assert_eq!(on_desktop.summary.status, IssueStatus::Fixed);
    assert_eq!(on_desktop.complaints.len(), 1);
    assert_eq!(on_desktop.complaints[0].id, only_complaint(&desktop));
    let lines = |on: &Computer, id: i64| -> Vec<String> {
        let issue = on.store.known_issue(id).unwrap();
        issue.history.into_iter().map(|line| line.what).collect()
    };
    assert_eq!(lines(&desktop, there), lines(&laptop, issue));
    let improvements = desktop.store.improvements().unwrap();
    assert_eq!(improvements.len(), 1);
    assert_eq!(improvements[0].what, "Double-wall boxes for every cake");
    assert_eq!(
        on_desktop.customers[0].telling, None,
        "Ana is still to be told, there too"
    );

    // Both tell Ana before hearing of the other: she is told once.
    let ana = on_desktop.customers[0].customer_id;
    desktop
        .store
        .tell_customer(there, ana, Channel::Phone)
        .unwrap();
    let ana_here = laptop.store.known_issue(issue).unwrap().customers[0].customer_id;
    laptop
        .store
        .tell_customer(issue, ana_here, Channel::Email)
        .unwrap();
    rounds(&mut laptop, &mut desktop);
    for (on, id) in [(&laptop, issue), (&desktop, there)] {
        let told = on.store.known_issue(id).unwrap();
        assert_eq!(told.customers.len(), 1);
        assert_eq!(told.customers[0].telling, Some(Telling::Told));
        assert_eq!(told.summary.untold, 0);
    }
    assert_eq!(laptop.shared(), desktop.shared());
}

/// Ana entered twice, both behind a fixed known issue: the laptop tells
/// one and merges the two, the desktop meanwhile tells the other. Both end
/// with Ana told once, the same row kept on each.
#[test]
fn a_customer_told_on_both_computers_under_two_records_then_merged_is_told_once() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, made) = laptop_and_desktop(shared.path());
    let again = laptop
        .store
        .create_complaint(&crate::store::test_support::phone_complaint(
            "Ana L.",
            "Box crushed",
        ))
        .unwrap();
    let issue = laptop
        .store
        .create_known_issue(&IssueText {
            title: "Boxes too thin for tall cakes".into(),
            ..IssueText::default()
        })
        .unwrap()
        .summary
        .id;
    laptop.store.link_complaint(issue, made).unwrap();
    laptop.store.link_complaint(issue, again.id).unwrap();
    laptop
        .store
        .set_known_issue_status(issue, IssueStatus::Fixed)
        .unwrap();
    rounds(&mut laptop, &mut desktop);

    let customers = |on: &Computer, id: i64| -> Vec<(i64, String)> {
        let issue = on.store.known_issue(id).unwrap();
        issue
            .customers
            .into_iter()
            .map(|customer| (customer.customer_id, customer.name))
            .collect()
    };
    let here = customers(&laptop, issue);
    let (ana, ana_l) = (here[0].0.min(here[1].0), here[0].0.max(here[1].0));
    laptop
        .store
        .tell_customer(issue, ana_l, Channel::Phone)
        .unwrap();
    laptop.store.merge_customers(ana, ana_l).unwrap();
    let there = the_issue(&desktop);
    let first_there = customers(&desktop, there)
        .into_iter()
        .find(|(_, name)| name == "Ana Lima")
        .unwrap()
        .0;
    desktop
        .store
        .tell_customer(there, first_there, Channel::Email)
        .unwrap();
    rounds(&mut laptop, &mut desktop);

    for (on, id) in [(&laptop, issue), (&desktop, there)] {
        let told = on.store.known_issue(id).unwrap();
        assert_eq!(told.customers.len(), 1, "{:?}", told.customers);
        assert_eq!(told.customers[0].telling, Some(Telling::Told));
    }
    assert_eq!(laptop.shared(), desktop.shared());
}
