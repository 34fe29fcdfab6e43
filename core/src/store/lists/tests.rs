use crate::store::complaints::NewComplaint;
use crate::store::test_support::{at, phone_complaint, store_at};

#[test]
fn sensible_categories_come_with_a_new_store() {
    let (store, _) = store_at(at(9));
    let names: Vec<String> = store
        .categories()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(names.contains(&"Delivery".to_owned()), "{names:?}");
    assert!(names.len() >= 6);
}

#[test]
fn categories_are_added_and_renamed_but_not_duplicated() {
    let (mut store, _) = store_at(at(9));
    let added = store.add_category("Allergens").unwrap();
    let err = store.add_category(" allergens ").unwrap_err();
    assert_eq!(
        err.to_string(),
        "There is already a category called \"allergens\"."
    );
    let renamed = store
        .rename_category(added.id, "Allergens and labels")
        .unwrap();
    assert_eq!(renamed.name, "Allergens and labels");
    let err = store.add_category("").unwrap_err();
    assert!(
        err.to_string().contains("Please write the category name"),
        "{err}"
    );
}

#[test]
fn a_retired_category_stays_on_old_complaints_but_is_not_offered_for_new_ones() {
    let (mut store, _) = store_at(at(9));
    let category = store.categories().unwrap()[0].clone();
    let with_category = |summary: &str| NewComplaint {
        category_id: Some(category.id),
        ..phone_complaint("Ana", summary)
    };
    let old = store.create_complaint(&with_category("old one")).unwrap();
    let retired = store.set_category_retired(category.id, true).unwrap();
    assert!(retired.retired);
    assert_eq!(
        store.complaint_summary(old.id).unwrap().category,
        Some(category.name.clone())
    );
    let err = store
        .create_complaint(&with_category("new one"))
        .unwrap_err();
    assert!(err.to_string().contains("is retired"), "{err}");
    store.set_category_retired(category.id, false).unwrap();
    assert!(store.create_complaint(&with_category("new one")).is_ok());
}
