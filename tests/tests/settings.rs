//! Settings are kept: the owner's names, their own message wording (and the
//! way back to Mend's), and their list of categories.

use fantoccini::elements::Element;
use fantoccini::Locator;
use mend_e2e::{run, App};

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// The list entry of the category whose name field holds `name`.
async fn category(app: &App, name: &str) -> Result<Element, Failure> {
    app.find("category-name").await?;
    for item in app.find_all("category").await? {
        let field = item
            .find(Locator::Css("[data-testid='category-name']"))
            .await?;
        if field.prop("value").await?.as_deref() == Some(name) {
            return Ok(item);
        }
    }
    Err(format!("no category called {name:?} in the list").into())
}

async fn click_in(item: &Element, test_id: &str) -> Result<(), Failure> {
    let css = format!("[data-testid='{test_id}']");
    Ok(item.find(Locator::Css(&css)).await?.click().await?)
}

#[tokio::test]
async fn business_and_owner_names_are_kept_after_a_restart() {
    run("names_kept", |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.type_into("business-name", "Lima Bakes").await?;
            app.type_into("owner-name", "Ana Lima").await?;
            app.click("save-names").await?;
            app.wait_for_text("names-saved", "Saved").await?;
            assert_eq!(app.text("names-error").await?, "");

            app.restart().await?;
            app.click("nav-settings").await?;
            assert_eq!(app.value("business-name").await?, "Lima Bakes");
            assert_eq!(app.value("owner-name").await?, "Ana Lima");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn an_edited_template_is_kept_and_reset_brings_back_mends_wording() {
    run("template_reset", |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.click("template-toggle-apologize").await?;
            let mends_wording = app.value("template-apologize").await?;
            assert!(mends_wording.contains("{first_name}"), "{mends_wording}");
            app.wait_for_text("template-kind-apologize", "Mend’s wording")
                .await?;
            assert!(
                !app.find("reset-template-apologize")
                    .await?
                    .is_enabled()
                    .await?
            );

            let own = "So sorry, {first_name}. {owner_name}";
            app.type_into("template-apologize", own).await?;
            app.click("save-template-apologize").await?;
            app.wait_for_text("template-saved-apologize", "Saved")
                .await?;
            app.wait_for_text("template-kind-apologize", "Your own wording")
                .await?;

            app.restart().await?;
            app.click("nav-settings").await?;
            app.click("template-toggle-apologize").await?;
            assert_eq!(app.value("template-apologize").await?, own);

            app.click("reset-template-apologize").await?;
            app.wait_for_text("template-saved-apologize", "Back to Mend’s wording")
                .await?;
            assert_eq!(app.value("template-apologize").await?, mends_wording);
            app.wait_for_text("template-kind-apologize", "Mend’s wording")
                .await?;
            assert!(
                !app.find("reset-template-apologize")
                    .await?
                    .is_enabled()
                    .await?
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_category_added_renamed_and_retired_is_shown_as_retired_after_a_restart() {
    run("category_retired", |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.type_into("new-category", "Gift wrap").await?;
            app.click("add-category").await?;
            app.wait_for_text("category-saved", "Added “Gift wrap”")
                .await?;

            let added = category(app, "Gift wrap").await?;
            let field = added
                .find(Locator::Css("[data-testid='category-name']"))
                .await?;
            field.clear().await?;
            field.send_keys("Gift wrapping").await?;
            click_in(&added, "rename-category").await?;
            app.wait_for_text("category-saved", "to “Gift wrapping”")
                .await?;

            let renamed = category(app, "Gift wrapping").await?;
            click_in(&renamed, "retire-category").await?;
            app.wait_for_text("category-saved", "“Gift wrapping” is retired")
                .await?;
            assert_eq!(app.text("category-error").await?, "");

            app.restart().await?;
            app.click("nav-settings").await?;
            let retired = category(app, "Gift wrapping").await?;
            let shown = retired.text().await?;
            assert!(
                shown.contains("(retired: kept on old complaints, not offered for new ones)"),
                "{shown}"
            );
            retired
                .find(Locator::Css("[data-testid='restore-category']"))
                .await?;
            let gone = category(app, "Gift wrap").await.unwrap_err().to_string();
            assert_eq!(
                gone, "no category called \"Gift wrap\" in the list",
                "the old name is gone"
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_new_mend_welcomes_its_owner_once_and_signs_the_first_draft() {
    let env = vec![(mend_e2e::KEEP_WELCOME, "1".into())];
    mend_e2e::run_with("welcome", env, |app| {
        Box::pin(async move {
            app.wait_for_text("welcome-dialog", "Welcome to Mend")
                .await?;
            app.screenshot("welcome").await;
            app.type_into("welcome-business-name", "Lima Cakes").await?;
            app.type_into("welcome-owner-name", "Rui Lima").await?;
            app.click("welcome-save").await?;
            mend_e2e::journey::new_complaint(app, &mend_e2e::journey::Intake::default()).await?;
            let draft = app.wait_for_value("draft", "Rui Lima").await?;
            assert!(draft.ends_with("Rui Lima\nLima Cakes"), "{draft}");

            app.restart().await?;
            let open = app
                .client()
                .execute("return document.getElementById('welcome').open;", vec![])
                .await?;
            assert_eq!(open, serde_json::Value::Bool(false), "shown once");
            app.click("nav-settings").await?;
            assert_eq!(app.value("business-name").await?, "Lima Cakes");
            // Settings is long: its sections can be jumped to.
            app.find("choose-csv").await?;
            app.wait_for_text("backup-folder", "backups").await?;
            app.click("jump-settings-data").await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let shown = app
                .client()
                .execute(
                    "const top = document.getElementById('settings-data').getBoundingClientRect().top;
                     return top >= 0 && top < 150;",
                    vec![],
                )
                .await?;
            assert_eq!(shown, serde_json::Value::Bool(true));
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn costs_are_shown_in_the_currency_chosen() {
    use mend_e2e::journey::{fill_step, new_complaint, record_step, Intake};
    run("currency_setting", |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.type_into("currency", "£").await?;
            app.click("save-names").await?;
            app.wait_for_text("currency-problem", "\"£\" is not a currency code")
                .await?;
            app.type_into("currency", "gbp").await?;
            app.click("save-names").await?;
            app.wait_for_text("names-saved", "costs are shown in GBP")
                .await?;
            assert_eq!(app.value("currency").await?, "GBP");

            new_complaint(app, &Intake::default()).await?;
            record_step(app, "acknowledge", "Thank you for telling me.").await?;
            record_step(app, "apologize", "I am so sorry.").await?;
            record_step(app, "assure", "A new cake by Friday.").await?;
            fill_step(app, "fix", "Refunded the cake.").await?;
            app.type_into("record-cost", "12.50").await?;
            app.click("record-step").await?;
            app.wait_for_text("step-saved", "Next: Follow up").await?;
            app.click("step-tab-fix").await?;
            let recorded = app.wait_for_text("step-records", "12.50").await?;
            assert!(recorded.contains('£'), "in pounds: {recorded}");
            // Still so after a restart.
            app.restart().await?;
            app.click("nav-complaints").await?;
            app.click("complaint-item").await?;
            app.click("step-tab-fix").await?;
            let recorded = app.wait_for_text("step-records", "12.50").await?;
            assert!(
                recorded.contains('£'),
                "in pounds after a restart: {recorded}"
            );
            Ok(())
        })
    })
    .await;
}
