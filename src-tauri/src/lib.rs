//! Mend's desktop shell: it adapts the core to Tauri and nothing more.
//! Commands live in `commands/`, one file per area.

mod commands;
mod dialogs;
mod error;
mod handed_in;
mod housekeeping;
mod interface_font;
mod log;
mod long_work;
mod notify;
mod opener;
mod printing;
mod scheduler;
mod state;
mod syncing;
mod tray;
mod wake;

use tauri::Manager;

pub fn run() {
    log::init();
    let result = tauri::Builder::default()
        // First, so that a second Mend hands over to this one and stops.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            tray::show_window(app);
            // Started again with files ("Open with Mend"): as if dropped.
            handed_in::receive(app, handed_in::from_arguments(&args, &cwd));
        }))
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        .setup(|app| {
            log::open_file(app.handle());
            app.manage(interface_font::read());
            let state = state::AppState::open(state::data_dir(app.handle()));
            let desktop = state.store().ok().and_then(|store| store.desktop_settings().ok());
            handed_in::keep_at_start(&state);
            commands::attachments::clear_opened(app.handle());
            app.manage(state);
            if let Some(desktop) = desktop {
                if let Err(problem) = commands::desktop::apply(app.handle(), &desktop) {
                    tracing::warn!(message = %problem.message, "could not apply the desktop settings");
                }
            }
            notify::set_up(app.handle());
            scheduler::start(app.handle().clone());
            housekeeping::start(app.handle().clone());
            syncing::start(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                handed_in::receive(window.app_handle(), paths.clone());
            }
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if keep_running(window.app_handle()) {
                    api.prevent_close();
                    let _ = window.hide();
                    tell_where_mend_went(window.app_handle());
                }
            }
        })
        .invoke_handler(commands::off_the_window_thread(tauri::generate_handler![
            commands::app::app_status,
            commands::app::about_mend,
            commands::app::open_folder,
            commands::complaints::create_complaint,
            commands::email::email_from_file,
            commands::email::email_from_text,
            commands::email::add_email_to_complaint,
            handed_in::handed_in_waiting,
            commands::attachments::add_files_to_complaint,
            commands::attachments::add_waiting_files,
            commands::attachments::discard_waiting_file,
            commands::attachments::hand_in_for_new_complaint,
            commands::attachments::hand_in_onto_complaint,
            commands::attachments::attachment_thumbnail,
            commands::attachments::attachment_content,
            commands::attachments::open_attachment,
            commands::attachments::save_attachment_as,
            commands::attachments::remove_attachment,
            commands::complaints::list_complaints,
            commands::complaints::count_complaints,
            commands::complaints::get_complaint,
            commands::complaints::add_contact,
            commands::complaints::intake_draft,
            commands::complaints::save_intake_draft,
            commands::complaints::correct_complaint,
            commands::complaints::correct_contact,
            commands::complaints::delete_complaint,
            commands::complaints::deleted_complaints,
            commands::complaints::restore_deleted_complaint,
            commands::complaints::get_today,
            commands::journey::journey_guide,
            commands::journey::draft_message,
            commands::journey::record_step,
            commands::printing::print_report,
            commands::printing::save_report_pdf,
            commands::journey::record_call,
            commands::journey::correct_lesson,
            commands::journey::email_message,
            commands::settings::list_items,
            commands::settings::add_list_item,
            commands::settings::rename_list_item,
            commands::settings::set_list_item_retired,
            commands::journey::close_complaint,
            commands::journey::reopen_complaint,
            commands::journey::set_checklist_item,
            commands::customers::list_customers,
            commands::customers::get_customer,
            commands::customers::update_customer,
            commands::customers::possible_duplicates,
            commands::customers::merge_customers,
            commands::settings::send_test_notification,
            commands::settings::get_settings,
            commands::settings::welcome_pending,
            commands::settings::finish_welcome,
            commands::settings::save_settings,
            commands::settings::list_templates,
            commands::settings::save_template,
            commands::settings::reset_template,
            commands::reminders::reminder_status,
            commands::reminders::complaint_reminders,
            commands::reminders::add_reminder,
            commands::reminders::complete_reminder,
            commands::reminders::dismiss_reminder,
            commands::reminders::snooze_reminder,
            commands::reminders::get_reminder_settings,
            commands::reminders::save_reminder_settings,
            commands::desktop::get_desktop_settings,
            commands::desktop::save_desktop_settings,
            commands::backups::list_backups,
            commands::sync::choose_sync_folder,
            commands::sync::complaint_conflicts,
            commands::sync::keep_sync_value,
            commands::sync::rename_sync_computer,
            commands::sync::stop_sync,
            commands::sync::sync_as_new_computer,
            commands::sync::sync_now,
            commands::sync::sync_status,
            commands::sync::turn_on_sync,
            commands::backups::back_up_now,
            commands::backups::pick_backup_file,
            commands::backups::restore_backup,
            commands::recovery::latest_backup,
            commands::recovery::recover_data,
            commands::exports::export_csv,
            commands::exports::export_json,
            commands::exports::import_json,
            commands::exports::preview_csv,
            commands::exports::import_csv,
            commands::exports::period_report,
            commands::improvements::list_improvements,
            commands::improvements::get_improvement,
            commands::improvements::add_improvement,
            commands::improvements::update_improvement,
            commands::improvements::mark_improvement_done,
            commands::improvements::check_improvement,
            commands::patterns::get_patterns,
            commands::patterns::export_patterns_csv,
            commands::known_issues::list_known_issues,
            commands::known_issues::get_known_issue,
            commands::known_issues::create_known_issue,
            commands::known_issues::update_known_issue,
            commands::known_issues::set_known_issue_status,
            commands::known_issues::link_complaint,
            commands::known_issues::unlink_complaint,
            commands::known_issues::set_complaint_issue,
            commands::known_issues::tell_customer,
            commands::known_issues::pass_over_customer,
            commands::known_issues::same_cause,
            commands::known_issues::get_issue_fixed_template,
            commands::known_issues::save_issue_fixed_template,
            commands::known_issues::reset_issue_fixed_template,
        ]))
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Mend could not start: {error}");
        std::process::exit(1);
    }
}

/// Whether closing the window should leave Mend running: only while its
/// tray icon is there to bring the window back (it is, when the owner chose
/// so and it could be made). Asked of the icon, not the store, so that
/// closing never waits for work holding the store.
fn keep_running(app: &tauri::AppHandle) -> bool {
    tray::is_there(app)
}

/// The first time the window closes into the tray, the owner is told so.
fn tell_where_mend_went(app: &tauri::AppHandle) {
    let app = app.clone();
    // Off the window's thread: the store may be busy, and the desktop is asked.
    wake::in_background("tell where Mend went", move || {
        let first = app
            .state::<state::AppState>()
            .store()
            .ok()
            .and_then(|mut store| store.first_time_in_tray().ok())
            .unwrap_or(false);
        if first {
            let _ = notify::show(
                &app,
                "Mend is still running",
                "It keeps reminding you from the system tray. Choose Quit Mend from its menu to stop it.",
                notify::About::Nothing,
            );
        }
    });
}
