//! The fixed lists a complaint is described with: channels, severities,
//! remedies, reasons for closing, directions of a contact. Each is stored as
//! a short snake_case word, the same word the UI sends.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

/// Declares a list of kinds with its stored word and its label for people.
macro_rules! kinds {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word stored in the database and sent to the UI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// How the owner reads it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(word: &str) -> Option<$name> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let word = value.as_str()?;
                $name::parse(word).ok_or_else(|| FromSqlError::Other(
                    format!("unknown {} '{word}'", stringify!($name)).into(),
                ))
            }
        }
    };
}

kinds! {
    /// How the complaint or a contact reached, or left, the business.
    Channel {
        Phone = "phone", "Phone";
        Email = "email", "Email";
        InPerson = "in_person", "In person";
        Review = "review", "Review or forum post";
        Social = "social", "Social media";
        Letter = "letter", "Letter";
        Other = "other", "Other";
    }
}

kinds! {
    /// How much it matters; urgent means health, safety or money at risk.
    Severity {
        Low = "low", "Low";
        Normal = "normal", "Normal";
        High = "high", "High";
        Urgent = "urgent", "Urgent";
    }
}

kinds! {
    /// What the customer got to put things right.
    Remedy {
        Refund = "refund", "Refund";
        Replacement = "replacement", "Replacement";
        Redo = "redo", "Redo the work";
        Discount = "discount", "Discount";
        Explanation = "explanation", "Explanation";
        Other = "other", "Other";
    }
}

impl Remedy {
    /// How a message to the customer names it: "I have arranged a full refund".
    pub fn phrase(self) -> &'static str {
        match self {
            Remedy::Refund => "a full refund",
            Remedy::Replacement => "a replacement",
            Remedy::Redo => "to redo the work",
            Remedy::Discount => "a discount",
            Remedy::Explanation => "a full explanation",
            Remedy::Other => "a solution",
        }
    }
}

kinds! {
    /// Why a complaint was closed.
    CloseReason {
        Resolved = "resolved", "Resolved";
        Withdrawn = "withdrawn", "Withdrawn by the customer";
        Unreachable = "unreachable", "Customer unreachable";
        Other = "other", "Other reason";
    }
}

kinds! {
    /// Which way a contact went: from the customer, to them, or a note to self.
    Direction {
        Incoming = "incoming", "From the customer";
        Outgoing = "outgoing", "To the customer";
        Note = "note", "Internal note";
    }
}

kinds! {
    /// Where a known issue is: found, being worked on, fixed, and the fix
    /// seen to work.
    IssueStatus {
        Open = "open", "Open";
        BeingFixed = "being_fixed", "Being fixed";
        Fixed = "fixed", "Fixed";
        Checked = "checked", "Fixed and checked";
    }
}

impl IssueStatus {
    /// Fixed, checked or not: the customers behind it can be told.
    pub fn is_fixed(self) -> bool {
        matches!(self, IssueStatus::Fixed | IssueStatus::Checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_parses_back_from_its_word() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.as_str()), Some(*channel));
        }
        for severity in Severity::ALL {
            assert_eq!(Severity::parse(severity.as_str()), Some(*severity));
        }
        for remedy in Remedy::ALL {
            assert_eq!(Remedy::parse(remedy.as_str()), Some(*remedy));
        }
        for reason in CloseReason::ALL {
            assert_eq!(CloseReason::parse(reason.as_str()), Some(*reason));
        }
        for direction in Direction::ALL {
            assert_eq!(Direction::parse(direction.as_str()), Some(*direction));
        }
        for status in IssueStatus::ALL {
            assert_eq!(IssueStatus::parse(status.as_str()), Some(*status));
        }
    }

    #[test]
    fn serde_uses_the_stored_word() {
        assert_eq!(
            serde_json::to_string(&Channel::InPerson).unwrap(),
            "\"in_person\""
        );
    }
}
