//! The documents' laid-out pages kept in this process for the volume (汇编), so that a
//! rebuild after one edit (`watch`) lays out only the edited document again.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use crate::render::pdf::part::Part;

/// The documents' kept pages of this process, by document id, with the key of the PDF
/// they were laid out for: a long-running process (`watch`) that rebuilds the volume
/// after one edit lays out only the edited document again. One entry per document, so
/// the store holds what one volume needs.
static KEPT: LazyLock<Mutex<HashMap<String, Kept>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// A document's kept pages and the key of the PDF they were laid out for.
type Kept = (String, Arc<Part>);

/// The kept pages of a document laid out for this key, if any.
pub fn kept_part(id: &str, key: &str) -> Option<Arc<Part>> {
    let kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    kept.get(id)
        .filter(|(k, _)| k == key)
        .map(|(_, p)| p.clone())
}

/// Keeps a document's pages for later volumes of this process.
pub fn keep_part(id: &str, key: &str, part: Part) -> Arc<Part> {
    let part = Arc::new(part);
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    kept.insert(id.to_string(), (key.to_string(), part.clone()));
    part
}
