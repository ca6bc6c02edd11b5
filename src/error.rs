//! The few ways extraction can fail. Messages are lower case, one line, no period.

use std::fmt;

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The page URL given by the caller is not an absolute URL.
    InvalidUrl(String),
    /// The page has more elements than [`crate::Options::max_elements`].
    TooManyElements { found: usize, limit: usize },
    /// The page is larger than [`crate::Options::max_bytes`].
    TooLarge { bytes: usize, limit: usize },
    /// Nothing on the page looks like an article.
    NoContent,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidUrl(u) => write!(f, "the page url must be absolute: {u:?}"),
            Error::TooManyElements { found, limit } => {
                write!(f, "too many elements: {found} (limit {limit})")
            }
            Error::TooLarge { bytes, limit } => {
                write!(f, "page too large: {bytes} bytes (limit {limit})")
            }
            Error::NoContent => write!(f, "no article found on the page"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A short stable code, for JSON and JavaScript callers.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidUrl(_) => "invalid_url",
            Error::TooManyElements { .. } => "too_many_elements",
            Error::TooLarge { .. } => "too_large",
            Error::NoContent => "no_content",
        }
    }
}
