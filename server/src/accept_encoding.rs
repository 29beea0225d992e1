//! What a client says it can decode (`Accept-Encoding`), for the answers the
//! server compresses itself (kept pages) instead of leaving it to the
//! compression layer.

use axum::http::{HeaderMap, header};

/// A content coding the server keeps copies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    /// `br`: the smallest.
    Brotli,
    /// `gzip`: what every client takes.
    Gzip,
    /// No coding.
    Identity,
}

impl Coding {
    /// The `Content-Encoding` value; none for [`Coding::Identity`].
    pub fn header_value(self) -> Option<&'static str> {
        match self {
            Self::Brotli => Some("br"),
            Self::Gzip => Some("gzip"),
            Self::Identity => None,
        }
    }
}

/// The coding the client prefers among brotli and gzip: the higher q-value,
/// brotli on a tie, `*` standing for either unless named; identity when it
/// takes neither (a zero q-value refuses).
pub fn preferred(headers: &HeaderMap) -> Coding {
    let (mut brotli, mut gzip, mut any) = (None, None, None);
    let codings = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    for coding in codings {
        let mut parts = coding.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let slot = match name.to_ascii_lowercase().as_str() {
            "br" => &mut brotli,
            "gzip" => &mut gzip,
            "*" => &mut any,
            _ => continue,
        };
        *slot = Some(quality);
    }
    let brotli = brotli.or(any).unwrap_or(0.0);
    let gzip = gzip.or(any).unwrap_or(0.0);
    if brotli > 0.0 && brotli >= gzip {
        Coding::Brotli
    } else if gzip > 0.0 {
        Coding::Gzip
    } else {
        Coding::Identity
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_client_s_preference_wins_and_brotli_breaks_ties() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).expect("ascii"),
            );
            preferred(&headers)
        };
        assert_eq!(with("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(with("br;q=1.0, gzip;q=0.5"), Coding::Brotli);
        assert_eq!(with("br;q=0.5, gzip"), Coding::Gzip);
        assert_eq!(with("gzip, deflate"), Coding::Gzip);
        assert_eq!(with("*"), Coding::Brotli);
        assert_eq!(with("*, br;q=0"), Coding::Gzip);
        assert_eq!(with("BR"), Coding::Brotli);
        assert_eq!(with("gzip;q=0"), Coding::Identity);
        assert_eq!(with("gzip; q=0.000, br;q=0"), Coding::Identity);
        assert_eq!(with("deflate"), Coding::Identity);
        assert_eq!(preferred(&HeaderMap::new()), Coding::Identity);
    }
}
