//! The Customers view: finding a customer, their complaints, editing their
//! details so that the change is kept, and merging the same person added twice.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::run;

#[tokio::test]
async fn search_finds_a_customer_by_part_of_the_name_and_their_page_shows_the_complaint() {
    run("customer_search", |app| {
        Box::pin(async move {
            new_complaint(
                app,
                &Intake {
                    customer: "Ana Lima",
                    summary: "The wedding cake arrived squashed",
                    ..Intake::default()
                },
            )
            .await?;
            new_complaint(
                app,
                &Intake {
                    customer: "Ben Okafor",
                    summary: "The shoes were the wrong size",
                    ..Intake::default()
                },
            )
            .await?;

            app.click("nav-customers").await?;
            app.wait_for_text("customer-row-name", "Ana Lima").await?;
            assert_eq!(
                app.texts("customer-row-name").await?,
                ["Ana Lima", "Ben Okafor"]
            );
            app.wait_for_text("customer-row", "1 complaint, 1 open")
                .await?;

            app.type_into("customer-search", "xyz").await?;
            app.wait_for_text(
                "customer-empty",
                "No customer’s name, email or phone contains “xyz”",
            )
            .await?;

            // The list is in name order, so Ben first means the search is applied.
            app.type_into("customer-search", "okaf").await?;
            app.wait_for_text("customer-row-name", "Ben Okafor").await?;
            assert_eq!(app.texts("customer-row-name").await?, ["Ben Okafor"]);

            app.click("customer-row").await?;
            app.wait_for_text("customer-name-heading", "Ben Okafor")
                .await?;
            app.wait_for_text(
                "customer-complaint-summary",
                "The shoes were the wrong size",
            )
            .await?;
            assert_eq!(
                app.texts("customer-complaint-summary").await?,
                ["The shoes were the wrong size"]
            );
            app.screenshot("customer-page").await;

            app.click("customer-complaint").await?;
            app.wait_for_text("complaint-heading", "The shoes were the wrong size")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_bad_email_is_refused_and_a_good_one_is_kept_after_a_restart() {
    run("customer_email_kept", |app| {
        Box::pin(async move {
            new_complaint(
                app,
                &Intake {
                    customer: "Carla Mendes",
                    summary: "The parcel never arrived",
                    ..Intake::default()
                },
            )
            .await?;
            app.click("nav-customers").await?;
            app.click("customer-row").await?;
            app.wait_for_text("customer-name-heading", "Carla Mendes")
                .await?;

            app.type_into("customer-edit-email", "carla@example")
                .await?;
            app.click("save-customer").await?;
            app.wait_for_text(
                "customer-edit-email-problem",
                "does not look like an email address",
            )
            .await?;
            assert_eq!(app.text("customer-saved").await?, "", "no success message");

            app.type_into("customer-edit-email", "carla@example.com")
                .await?;
            app.click("save-customer").await?;
            app.wait_for_text("customer-saved", "Saved").await?;
            assert!(
                app.find_all("customer-edit-email-problem")
                    .await?
                    .is_empty(),
                "the problem is gone"
            );

            app.restart().await?;
            app.click("nav-customers").await?;
            app.wait_for_text("customer-row", "carla@example.com")
                .await?;
            app.click("customer-row").await?;
            app.wait_for_text("customer-name-heading", "Carla Mendes")
                .await?;
            assert_eq!(app.value("customer-edit-email").await?, "carla@example.com");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_renamed_customer_shows_the_new_name_on_the_page_and_in_the_list() {
    run("customer_renamed", |app| {
        Box::pin(async move {
            new_complaint(
                app,
                &Intake {
                    customer: "Dora Silva",
                    summary: "The lamp flickers",
                    ..Intake::default()
                },
            )
            .await?;
            app.click("nav-customers").await?;
            app.click("customer-row").await?;
            app.wait_for_text("customer-name-heading", "Dora Silva")
                .await?;

            app.type_into("customer-edit-name", "Dora Silva-Costa")
                .await?;
            app.click("save-customer").await?;
            app.wait_for_text("customer-saved", "Saved").await?;
            app.wait_for_text("customer-name-heading", "Dora Silva-Costa")
                .await?;

            app.click("back").await?;
            app.wait_for_text("customer-row-name", "Dora Silva-Costa")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn the_customer_page_is_a_place_to_work() {
    run("customer_page_work", |app| {
        Box::pin(async move {
            let ana = Intake {
                email: "ana@example.com",
                ..Intake::default()
            };
            new_complaint(app, &ana).await?;
            app.click("nav-customers").await?;
            app.click("customer-row").await?;
            app.wait_for_text("customer-name-heading", "Ana Lima")
                .await?;
            app.wait_for_text("customer-email", "ana@example.com")
                .await?;
            app.click("customer-email-copy").await?;
            app.wait_for_text("customer-reach", "Copied").await?;

            app.type_into("customer-edit-notes", "Prefers a call after 6 pm.")
                .await?;
            app.click("save-customer").await?;
            app.wait_for_text("customer-saved", "Saved").await?;

            app.click("customer-new-complaint").await?;
            app.wait_for_text("intake-chosen-customer", "Existing customer: Ana Lima")
                .await?;
            app.type_into("intake-summary", "The replacement cake was late too")
                .await?;
            app.click("intake-save").await?;
            app.wait_for_text("complaint-heading", "The replacement cake was late too")
                .await?;

            app.restart().await?;
            app.click("nav-customers").await?;
            app.wait_for_text("customer-list", "2 complaints").await?;
            app.click("customer-row").await?;
            app.wait_for_value("customer-edit-notes", "Prefers a call after 6 pm.")
                .await?;
            assert_eq!(app.find_all("customer-complaint").await?.len(), 2);
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn the_same_customer_added_twice_is_merged_with_all_their_complaints() {
    run("customers_merged", |app| {
        Box::pin(async move {
            new_complaint(
                app,
                &Intake {
                    summary: "Wedding cake squashed",
                    email: "ana@example.com",
                    ..Intake::default()
                },
            )
            .await?;
            new_complaint(
                app,
                &Intake {
                    summary: "Birthday cake late",
                    email: "ANA@example.com",
                    ..Intake::default()
                },
            )
            .await?;
            app.click("nav-customers").await?;
            app.wait_for_count("customer-row", 2).await?;
            app.click("customer-row").await?;
            app.wait_for_text("customer-name-heading", "Ana Lima")
                .await?;
            app.click("open-merge").await?;
            app.wait_for_text("merge-likely", "the same email").await?;
            app.click("merge-customer").await?;
            app.wait_for_text("merge-ask", "the same person as Ana Lima?")
                .await?;
            app.click("merge-ask-yes").await?;
            app.wait_for_text(
                "customer-notice",
                "Merged. Their complaints are all here now",
            )
            .await?;
            app.wait_for_count("customer-complaint", 2).await?;
            let mut summaries = app.texts("customer-complaint-summary").await?;
            summaries.sort();
            assert_eq!(summaries, ["Birthday cake late", "Wedding cake squashed"]);

            app.restart().await?;
            app.click("nav-customers").await?;
            app.wait_for_count("customer-row", 1).await?;
            assert!(app
                .text("customer-row-counts")
                .await?
                .starts_with("2 complaints"));
            app.click("customer-row").await?;
            app.click("customer-complaint").await?;
            app.click("history").await?;
            let history = app.texts("history-entry").await?;
            assert!(
                history.iter().any(|line| line.ends_with(
                    "You: Changed the customer: Ana Lima → Ana Lima (merged, the same person)"
                )),
                "{history:#?}"
            );
            Ok(())
        })
    })
    .await;
}
