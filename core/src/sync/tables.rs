//! Which tables the computers share, and which of their columns: the facts
//! the owner entered. What Mend works out from them (search documents, what
//! a complaint came to, derived reminders) is worked out again on each
//! computer after a merge, by the store's after-write work.

/// A shared table: its columns, and those that point at rows of another
/// shared table (kept in the shared document by that row's global id).
pub(crate) struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    pub links: &'static [(&'static str, &'static str)],
    /// How many rows Mend puts in the table itself, the same everywhere
    /// (its own categories and causes): they share ids made from theirs.
    pub seeded: i64,
    /// Which of its rows are shared (an SQL condition on the row).
    pub rows: &'static str,
    /// A global id made from what the row is about (an SQL expression on
    /// the row), for a row two computers can make alike; None: a new one.
    pub uid_from: Option<&'static str>,
    /// Columns no two of its rows may share (besides a list's names): two
    /// such rows from two computers are settled by `clash`.
    pub unique: &'static [&'static str],
}

impl Table {
    pub fn link(&self, column: &str) -> Option<&'static str> {
        self.links
            .iter()
            .find(|(name, _)| *name == column)
            .map(|(_, table)| *table)
    }
}

/// In the order rows are put in place: a row's links point only at tables
/// before it (or at its own, for a customer merged into another).
pub(crate) const TABLES: &[Table] = &[
    Table {
        name: "customers",
        columns: &[
            "name",
            "email",
            "phone",
            "notes",
            "merged_into",
            "created_at",
        ],
        links: &[("merged_into", "customers")],
        seeded: 0,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    Table {
        name: "categories",
        columns: &["name", "retired_at"],
        links: &[],
        seeded: 8,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    Table {
        name: "causes",
        columns: &["name", "retired_at"],
        links: &[],
        seeded: 10,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    Table {
        name: "known_issues",
        columns: &[
            "title",
            "noticed",
            "cause",
            "workaround",
            "what_changed",
            "status",
            "target_date",
            "fixed_at",
            "created_at",
        ],
        links: &[],
        seeded: 0,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    Table {
        name: "complaints",
        columns: &[
            "customer_id",
            "summary",
            "received_at",
            "created_at",
            "channel",
            "is_public",
            "customer_words",
            "desired_outcome",
            "reference",
            "category_id",
            "severity",
            "cause_id",
            "deleted_at",
            "cleared_at",
            // The journey's state, as the computer that moved it left it.
            "step",
            "acknowledged_at",
            "apologized_at",
            "promised_date",
            "fixed_at",
            "last_outgoing_at",
            "closed_at",
            "close_reason",
            // When it last moved: see `journey` for two moves made at once.
            "journey_at",
            "known_issue_id",
        ],
        links: &[
            ("customer_id", "customers"),
            ("category_id", "categories"),
            ("cause_id", "causes"),
            ("known_issue_id", "known_issues"),
        ],
        seeded: 0,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    Table {
        name: "contacts",
        columns: &[
            "complaint_id",
            "direction",
            "channel",
            "at",
            "text",
            "created_at",
        ],
        links: &[("complaint_id", "complaints")],
        seeded: 0,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    Table {
        name: "step_records",
        columns: &[
            "complaint_id",
            "step",
            "done_at",
            "channel",
            "text",
            "promised_date",
            "remedy",
            "cost_cents",
            "satisfaction",
            "satisfied",
            "close_reason",
            "root_cause",
            "preventive_action",
            "check_in_date",
            "created_at",
        ],
        links: &[("complaint_id", "complaints")],
        seeded: 0,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    // Files kept with a complaint: the record here, the bytes through the
    // shared folder by their hash (see `engine`).
    Table {
        name: "attachments",
        columns: &[
            "complaint_id",
            "contact_id",
            "name",
            "media_type",
            "size",
            "added_at",
            "content_hash",
        ],
        links: &[("complaint_id", "complaints"), ("contact_id", "contacts")],
        seeded: 0,
        rows: "complaint_id IS NOT NULL",
        uid_from: None,
        unique: &[],
    },
    Table {
        name: "improvements",
        columns: &[
            "what",
            "complaint_id",
            "known_issue_id",
            "cause_id",
            "due_date",
            "done_date",
            "cost_cents",
            "check_after_days",
            "check_date",
            "worked_at",
            "created_at",
        ],
        links: &[
            ("complaint_id", "complaints"),
            ("known_issue_id", "known_issues"),
            ("cause_id", "causes"),
        ],
        seeded: 0,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    // A customer told of a known issue (or passed over): once, whichever
    // computer it was done on.
    Table {
        name: "known_issue_tellings",
        columns: &["known_issue_id", "customer_id", "state", "at"],
        links: &[("known_issue_id", "known_issues"), ("customer_id", "customers")],
        seeded: 0,
        rows: "1",
        uid_from: Some(
            "(SELECT uid FROM sync_ids WHERE tbl = 'known_issues' AND local_id = known_issue_id)
             || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'customers' AND local_id = customer_id)",
        ),
        unique: &["known_issue_id", "customer_id"],
    },
    Table {
        name: "history",
        columns: &[
            "complaint_id",
            "customer_id",
            "at",
            "who",
            "what",
            "known_issue_id",
            "improvement_id",
        ],
        links: &[
            ("complaint_id", "complaints"),
            ("customer_id", "customers"),
            ("known_issue_id", "known_issues"),
            ("improvement_id", "improvements"),
        ],
        seeded: 0,
        rows: "1",
        uid_from: None,
        unique: &[],
    },
    // The owner's own reminders; those Mend works out are worked out on
    // each computer (see migration 0014).
    Table {
        name: "reminders",
        columns: &[
            "complaint_id",
            "kind",
            "note",
            "base_due_at",
            "due_at",
            "state",
            "ended_at",
            "created_at",
        ],
        links: &[("complaint_id", "complaints")],
        seeded: 0,
        rows: "kind = 'custom' AND known_issue_id IS NULL AND improvement_id IS NULL",
        uid_from: None,
        unique: &[],
    },
    // A reminder Mend worked out that the owner ended, on any computer.
    Table {
        name: "reminder_endings",
        columns: &[
            "complaint_id",
            "known_issue_id",
            "improvement_id",
            "kind",
            "base_due_at",
            "state",
            "ended_at",
        ],
        links: &[
            ("complaint_id", "complaints"),
            ("known_issue_id", "known_issues"),
            ("improvement_id", "improvements"),
        ],
        seeded: 0,
        rows: "1",
        uid_from: Some(
            "coalesce((SELECT uid FROM sync_ids WHERE tbl = 'complaints' AND local_id = complaint_id),
                      (SELECT uid FROM sync_ids WHERE tbl = 'known_issues' AND local_id = known_issue_id),
                      (SELECT uid FROM sync_ids WHERE tbl = 'improvements' AND local_id = improvement_id))
             || ':' || kind || ':' || base_due_at",
        ),
        unique: &[
            "complaint_id",
            "known_issue_id",
            "improvement_id",
            "kind",
            "base_due_at",
        ],
    },
];

pub(crate) fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|table| table.name == name)
}

/// A row's key in the shared document: its table and its global id.
pub(crate) fn key(table: &str, uid: &str) -> String {
    format!("{table}/{uid}")
}

/// The table and global id of a key in the shared document.
pub(crate) fn parse_key(key: &str) -> Option<(&'static Table, &str)> {
    let (name, uid) = key.split_once('/')?;
    Some((table(name)?, uid))
}
