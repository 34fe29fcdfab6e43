//! The system's interface font, named for the page. WebKitGTK finds the
//! font CSS calls `system-ui` by reading GTK's settings in the page's own
//! process at its first layout, which made that layout about 8 ms longer
//! (measured against `sans-serif` and against a family by name, which cost
//! the same). The app reads the same settings once, at start, and the page
//! asks for the family by its name; a font changed in the system's settings
//! shows in Mend once it starts again.

/// The family of the system's interface font, where the app can tell it
/// (on Linux); elsewhere the page keeps `system-ui` (not measured there).
pub struct InterfaceFont(pub Option<String>);

/// Read in the set-up: GTK answers on the window's thread only.
pub fn read() -> InterfaceFont {
    #[cfg(target_os = "linux")]
    {
        use gtk::prelude::GtkSettingsExt;
        // "Cantarell 11": a family (a list, at times) and a size.
        let family = gtk::Settings::default()
            .and_then(|settings| settings.gtk_font_name())
            .and_then(|name| gtk::pango::FontDescription::from_string(&name).family())
            .and_then(|families| first_family(&families));
        InterfaceFont(family)
    }
    #[cfg(not(target_os = "linux"))]
    InterfaceFont(None)
}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn first_family(families: &str) -> Option<String> {
    families
        .split(',')
        .map(str::trim)
        .find(|family| !family.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::first_family;

    #[test]
    fn the_first_family_of_a_list_is_the_one_named() {
        assert_eq!(first_family("Cantarell").as_deref(), Some("Cantarell"));
        assert_eq!(
            first_family(" Noto Sans , Sans").as_deref(),
            Some("Noto Sans")
        );
        assert_eq!(first_family(" , ").as_deref(), None);
    }
}
