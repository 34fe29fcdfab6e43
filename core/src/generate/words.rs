//! The dice and the words the synthetic data is made of.

/// splitmix64: tiny, and the same on every machine.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub(super) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    pub(super) fn between(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low).max(1) as u64) as i64
    }
}

/// The word lists of `generate/words.txt`, by section.
pub(super) struct Words(Vec<(&'static str, Vec<&'static str>)>);

impl Words {
    pub(super) fn load() -> Words {
        let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in include_str!("words.txt").lines() {
            match (line.strip_prefix("# "), sections.last_mut()) {
                (Some(title), _) => sections.push((title.split(':').next().unwrap_or(""), vec![])),
                (None, Some((_, lines))) if !line.is_empty() => lines.push(line.trim_matches('~')),
                _ => {}
            }
        }
        Words(sections)
    }
    pub(super) fn list(&self, name: &str) -> &[&'static str] {
        let found = self.0.iter().find(|(title, _)| *title == name);
        found.map_or(&[""][..], |(_, lines)| lines)
    }
}
