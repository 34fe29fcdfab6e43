//! A complaint moved on its journey on two computers at once (closed on one,
//! reopened on the other, say): where both moves changed the same part of
//! where it stands, the later move's value wins, alike on every computer
//! (a part only one of them changed keeps that change); the history keeps
//! both.

use automerge::{ActorId, Automerge, ObjId, ReadDoc, ScalarValue, Value};

use super::doc::merge_failed;
use crate::error::Result;

/// The columns of a complaint that say where it stands on its journey:
/// each one both computers changed at once is taken from the one that
/// moved it last (`journey_at`, itself among them), not from Automerge's
/// choice of author.
pub(crate) const JOURNEY: &[&str] = &[
    "journey_at",
    "step",
    "acknowledged_at",
    "apologized_at",
    "promised_date",
    "fixed_at",
    "closed_at",
    "close_reason",
];

/// Of the computers that moved a complaint on its journey at once, the one
/// that moved it last (by `journey_at`, then by its id, so that every
/// computer picks the same one).
pub(crate) fn latest_mover(doc: &Automerge, row: &ObjId) -> Result<Option<ActorId>> {
    let moves = doc.get_all(row, "journey_at").map_err(merge_failed)?;
    Ok(moves
        .into_iter()
        .filter_map(|(value, id)| match id {
            ObjId::Id(_, actor, _) => Some((value.to_str().unwrap_or("").to_owned(), actor)),
            ObjId::Root => None,
        })
        .max()
        .map(|(_, actor)| actor))
}

/// The value `mover` gave `column`, among the values given to it at once.
pub(crate) fn value_of(
    doc: &Automerge,
    row: &ObjId,
    column: &str,
    mover: Option<&ActorId>,
) -> Result<Option<ScalarValue>> {
    let Some(mover) = mover else { return Ok(None) };
    Ok(doc
        .get_all(row, column)
        .map_err(merge_failed)?
        .into_iter()
        .find_map(|(value, id)| match (value, id) {
            (Value::Scalar(value), ObjId::Id(_, actor, _)) if &actor == mover => {
                Some(value.into_owned())
            }
            _ => None,
        }))
}
