//! Telling the customers once a known issue is fixed: who is listed, the
//! message from the owner's template, and the reminder until each is settled.

use super::super::tests::{closed_complaint, issue_titled};
use super::*;
use crate::kinds::{Channel, Direction, IssueStatus};
use crate::reminders::ReminderKind;
use crate::store::known_issues::choice::IssueChoice;
use crate::store::known_issues::IssueText;
use crate::store::test_support::{at, cause_id, phone_complaint, store_at};

#[test]
fn once_fixed_every_customer_is_listed_and_the_reminder_stays_until_each_is_settled() {
    let (mut store, clock) = store_at(at(9));
    let packaging = cause_id(&store, "Packaging");
    let issue = store
        .create_known_issue(&IssueText {
            title: "Cake boxes crush in transit".into(),
            ..IssueText::default()
        })
        .unwrap()
        .summary
        .id;
    let linked = IssueChoice {
        known_issue_id: Some(issue),
        ..IssueChoice::default()
    };
    let ana = closed_complaint(&mut store, "Ana Lima", "5", Some(packaging), linked.clone());
    let ben = closed_complaint(&mut store, "Ben Ode", "5", Some(packaging), linked.clone());
    let cleo = store
        .create_complaint(&phone_complaint("Cleo Park", "Tart crushed"))
        .unwrap()
        .id;
    store.link_complaint(issue, cleo).unwrap();
    // Not fixed yet: nobody to tell, and telling is refused.
    assert!(store.known_issue(issue).unwrap().customers.is_empty());
    let ana_customer = store.complaint(ana).unwrap().customer.id;
    assert!(matches!(
        store.tell_customer(issue, ana_customer, Channel::Email),
        Err(Error::Refused(_))
    ));

    store
        .update_known_issue(
            issue,
            &IssueText {
                title: "Cake boxes crush in transit".into(),
                what_changed: "We now pack every cake in a double-wall box.".into(),
                ..IssueText::default()
            },
        )
        .unwrap();
    clock.set(at(10));
    let fixed = store
        .set_known_issue_status(issue, IssueStatus::Fixed)
        .unwrap();
    assert_eq!(fixed.fixed_at, Some(at(10)));
    let names: Vec<&str> = fixed.customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ana Lima", "Ben Ode", "Cleo Park"],
        "closed complaints included"
    );
    assert!(fixed.customers[0].draft.text.starts_with("Hello Ana,"));
    assert!(fixed.customers[0]
        .draft
        .text
        .contains("“Cake boxes crush in transit”"));
    assert!(fixed.customers[0]
        .draft
        .text
        .contains("fixed. We now pack every cake in a double-wall box."));
    assert_eq!(fixed.summary.untold, 3);
    let due = store.today().unwrap().learning_reminders;
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].kind, ReminderKind::TellCustomers);

    let told = store
        .tell_customer(issue, ana_customer, Channel::Email)
        .unwrap();
    assert_eq!(told.customers[0].telling, Some(Telling::Told));
    let ana_details = store.complaint(ana).unwrap();
    let contact = ana_details.timeline.last().unwrap();
    assert_eq!(contact.direction, Direction::Outgoing);
    assert_eq!(contact.channel, Channel::Email);
    assert_eq!(
        contact.text,
        "Told them the known issue \"Cake boxes crush in transit\" is fixed."
    );
    let ben_customer = store.complaint(ben).unwrap().customer.id;
    store
        .tell_customer(issue, ben_customer, Channel::Phone)
        .unwrap();
    assert_eq!(
        store.today().unwrap().learning_reminders.len(),
        1,
        "Cleo is not told yet"
    );

    let cleo_customer = store.complaint(cleo).unwrap().customer.id;
    let settled = store.pass_over_customer(issue, cleo_customer).unwrap();
    assert_eq!(settled.customers[2].telling, Some(Telling::Dismissed));
    assert_eq!(settled.summary.untold, 0);
    assert!(store.today().unwrap().learning_reminders.is_empty());
    let lines: Vec<&str> = settled.history.iter().map(|h| h.what.as_str()).collect();
    assert!(lines.contains(&"Told Ana Lima that \"Cake boxes crush in transit\" is fixed"));
    assert!(
        lines.contains(&"Will not tell Cleo Park that \"Cake boxes crush in transit\" is fixed")
    );
    // Telling twice records nothing more.
    store
        .tell_customer(issue, ana_customer, Channel::Email)
        .unwrap();
    assert_eq!(
        store.complaint(ana).unwrap().timeline.len(),
        ana_details.timeline.len()
    );
}

#[test]
fn the_it_is_fixed_template_is_the_owners_own_and_refuses_unknown_placeholders() {
    let (mut store, _) = store_at(at(9));
    assert!(store.issue_fixed_template().unwrap().is_default);
    let error = store
        .save_issue_fixed_template("Hi {first_name}, {summary} is fixed")
        .unwrap_err();
    assert!(
        error.to_string().contains("does not know {summary}"),
        "{error}"
    );
    let saved = store
        .save_issue_fixed_template("Hi {first_name}, {issue} is fixed: {what_changed}")
        .unwrap();
    assert!(!saved.is_default);
    let issue = store
        .create_known_issue(&issue_titled("Thin boxes"))
        .unwrap()
        .summary
        .id;
    let id = store
        .create_complaint(&phone_complaint("Ana Lima", "Cake squashed"))
        .unwrap()
        .id;
    store.link_complaint(issue, id).unwrap();
    let fixed = store
        .set_known_issue_status(issue, IssueStatus::Fixed)
        .unwrap();
    let draft = &fixed.customers[0].draft;
    assert_eq!(draft.text, "Hi Ana, Thin boxes is fixed: [what changed]");
    assert_eq!(draft.gaps, ["[what changed]"]);
    assert!(store.reset_issue_fixed_template().unwrap().is_default);
}

#[test]
fn the_reminder_to_tell_comes_back_for_a_customer_linked_later_and_goes_with_a_deleted_complaint() {
    let (mut store, clock) = store_at(at(9));
    let issue = store
        .create_known_issue(&issue_titled("Thin boxes"))
        .unwrap()
        .summary
        .id;
    let ana = store
        .create_complaint(&phone_complaint("Ana Lima", "Cake squashed"))
        .unwrap();
    store.link_complaint(issue, ana.id).unwrap();
    store
        .set_known_issue_status(issue, IssueStatus::Fixed)
        .unwrap();
    store
        .tell_customer(issue, ana.customer_id, Channel::Phone)
        .unwrap();
    assert!(store.today().unwrap().learning_reminders.is_empty());

    clock.set(at(10));
    let ben = store
        .create_complaint(&phone_complaint("Ben Ode", "Tart squashed"))
        .unwrap();
    store.link_complaint(issue, ben.id).unwrap();
    let due = store.today().unwrap().learning_reminders;
    assert_eq!(due.len(), 1, "Ben is still to tell");
    assert_eq!(due[0].kind, ReminderKind::TellCustomers);
    // Ben's complaint was entered by mistake: nobody is left to tell.
    store.delete_complaint(ben.id).unwrap();
    assert!(store.today().unwrap().learning_reminders.is_empty());
}
