//! A kept page with its script nonce cut out, served with a fresh nonce each
//! time. A rendered page names its nonce in the Content-Security-Policy header
//! and on its scripts; a nonce that every visitor of a kept page got would be
//! one an attacker can read and reuse, so each answer draws its own and puts it
//! where the render's nonce was.
//!
//! The gzip copy is made once too, in pieces: each stretch between two nonces is
//! deflated on its own and ends on a byte boundary (a sync flush), so an answer
//! is those pieces with the fresh nonce between them as stored (uncompressed)
//! blocks, a gzip header, and a trailer whose CRC is combined from the pieces'
//! (RFC 1951 §3.2.4, RFC 1952). No piece refers back into another, so none
//! depends on the nonce it replaced.

use std::io::Write;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use flate2::Compression;
use flate2::write::DeflateEncoder;

/// gzip's header: deflate, no flags, no time, unknown OS (RFC 1952 §2.3).
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
/// The last block: empty, stored, final.
const LAST_BLOCK: [u8; 5] = [1, 0, 0, 0xff, 0xff];

/// A page's headers and body, split around its nonce.
#[derive(Debug)]
pub(super) struct Template {
    headers: HeaderMap,
    /// The Content-Security-Policy around its nonce, when it has one.
    policy: Option<(String, String)>,
    /// The body's stretches between nonces (one when there is no nonce).
    plain: Vec<Bytes>,
    /// Each stretch deflated on its own, ending byte-aligned, not final.
    deflated: Vec<Bytes>,
    /// Each stretch's CRC-32, to combine with the nonces'.
    crcs: Vec<crc32fast::Hasher>,
}

impl Template {
    /// Cuts the nonce named in `headers`' Content-Security-Policy out of them
    /// and out of `body`.
    pub(super) fn new(mut headers: HeaderMap, body: &[u8]) -> Self {
        headers.remove(header::CONTENT_LENGTH);
        let policy = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (before, rest) = v.split_once("'nonce-")?;
                let end = rest.find('\'')?;
                Some((
                    before.to_owned(),
                    rest[..end].to_owned(),
                    rest[end..].to_owned(),
                ))
            });
        let plain: Vec<Bytes> = match &policy {
            Some((_, nonce, _)) if !nonce.is_empty() => split(body, nonce.as_bytes()),
            _ => vec![Bytes::copy_from_slice(body)],
        };
        let deflated = plain.iter().map(|piece| deflate(piece)).collect();
        let crc = |piece: &Bytes| {
            crc32fast::Hasher::new_with_initial_len(crc32fast::hash(piece), piece.len() as u64)
        };
        let crcs = plain.iter().map(crc).collect();
        Self {
            headers,
            policy: policy.map(|(before, _, after)| (before, after)),
            plain,
            deflated,
            crcs,
        }
    }

    /// Bytes held (plain and gzip), for the cache's weight.
    pub(super) fn weight(&self) -> usize {
        let sum = |pieces: &[Bytes]| pieces.iter().map(Bytes::len).sum::<usize>();
        sum(&self.plain) + sum(&self.deflated)
    }

    /// The page with `nonce` where the render's was, gzipped when `gzip`.
    pub(super) fn answer(&self, nonce: &str, gzip: bool) -> Response {
        let body = match gzip {
            true => self.gzip(nonce.as_bytes()),
            false => self.plain(nonce.as_bytes()),
        };
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = self.headers.clone();
        let headers = response.headers_mut();
        if let Some((before, after)) = &self.policy {
            let policy = format!("{before}'nonce-{nonce}{after}");
            if let Ok(value) = HeaderValue::from_str(&policy) {
                headers.insert(header::CONTENT_SECURITY_POLICY, value);
            }
        }
        headers.insert(
            header::VARY,
            HeaderValue::from_static("accept-encoding, cookie"),
        );
        if gzip {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        response
    }

    fn plain(&self, nonce: &[u8]) -> Vec<u8> {
        let length = self.plain.iter().map(Bytes::len).sum::<usize>();
        let mut out = Vec::with_capacity(length + nonce.len() * self.plain.len());
        for (i, piece) in self.plain.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(nonce);
            }
            out.extend_from_slice(piece);
        }
        out
    }

    fn gzip(&self, nonce: &[u8]) -> Vec<u8> {
        let length = self.deflated.iter().map(Bytes::len).sum::<usize>();
        let mut out = Vec::with_capacity(length + (nonce.len() + 5) * self.plain.len() + 30);
        out.extend_from_slice(&GZIP_HEADER);
        let mut nonce_crc = crc32fast::Hasher::new();
        nonce_crc.update(nonce);
        let mut crc = crc32fast::Hasher::new();
        let mut size = 0usize;
        for (i, (piece, piece_crc)) in self.deflated.iter().zip(&self.crcs).enumerate() {
            if i > 0 {
                // A stored block (a nonce is far below its 65,535-byte limit).
                let len = u16::try_from(nonce.len()).unwrap_or(u16::MAX);
                out.push(0);
                out.extend_from_slice(&len.to_le_bytes());
                out.extend_from_slice(&(!len).to_le_bytes());
                out.extend_from_slice(&nonce[..usize::from(len)]);
                crc.combine(&nonce_crc);
                size += usize::from(len);
            }
            out.extend_from_slice(piece);
            crc.combine(piece_crc);
            size += self.plain[i].len();
        }
        out.extend_from_slice(&LAST_BLOCK);
        out.extend_from_slice(&crc.finalize().to_le_bytes());
        // ISIZE is the length modulo 2^32.
        out.extend_from_slice(&(size as u32).to_le_bytes());
        out
    }
}

/// `body` cut at each occurrence of `nonce` (which is left out).
fn split(body: &[u8], nonce: &[u8]) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.windows(nonce.len()).position(|w| w == nonce) {
        pieces.push(Bytes::copy_from_slice(&rest[..at]));
        rest = &rest[at + nonce.len()..];
    }
    pieces.push(Bytes::copy_from_slice(rest));
    pieces
}

/// `piece` as raw deflate blocks ending on a byte boundary, none of them final.
fn deflate(piece: &[u8]) -> Bytes {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
    // Writing to a Vec cannot fail. `flush` is a sync flush: the blocks so far,
    // then an empty stored block, which leaves the stream byte-aligned.
    encoder.write_all(piece).expect("deflate into memory");
    encoder.flush().expect("deflate into memory");
    // Taken before the encoder is dropped, which would add a final block.
    Bytes::from(std::mem::take(encoder.get_mut()))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    const OLD: &str = "Q2hvc2VuQnlUaGVSZW5kZXI";

    fn page(body: &str) -> Template {
        let mut headers = HeaderMap::new();
        let policy =
            format!("default-src 'self'; script-src 'self' 'nonce-{OLD}' 'wasm-unsafe-eval'");
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&policy).unwrap(),
        );
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        Template::new(headers, body.as_bytes())
    }

    async fn text(response: Response) -> Vec<u8> {
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec()
    }

    #[tokio::test]
    async fn each_answer_carries_its_own_nonce_plain_and_gzipped() {
        let body = format!(
            "<html><script nonce=\"{OLD}\">a()</script>{}<script nonce=\"{OLD}\">b()</script>{OLD}",
            "<p>the same words again and again</p>".repeat(500)
        );
        let expected = body.replace(OLD, "FreshNonce123");
        let template = page(&body);

        let plain = template.answer("FreshNonce123", false);
        let policy = &plain.headers()[header::CONTENT_SECURITY_POLICY];
        assert!(
            policy
                .to_str()
                .unwrap()
                .contains("'nonce-FreshNonce123' 'wasm")
        );
        assert!(!plain.headers().contains_key(header::CONTENT_LENGTH));
        assert_eq!(text(plain).await, expected.as_bytes());

        let gzip = template.answer("FreshNonce123", true);
        assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");
        let compressed = text(gzip).await;
        assert!(compressed.len() < body.len() / 10, "{}", compressed.len());
        // The decoder checks the trailer's CRC and length too.
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&compressed[..])
            .read_to_end(&mut decoded)
            .expect("valid gzip");
        assert_eq!(decoded, expected.as_bytes());
    }

    #[tokio::test]
    async fn a_page_without_a_nonce_is_kept_whole() {
        let template = Template::new(HeaderMap::new(), b"<p>no scripts</p>");
        let response = template.answer("unused", true);
        assert!(
            !response
                .headers()
                .contains_key(header::CONTENT_SECURITY_POLICY)
        );
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&text(response).await[..])
            .read_to_string(&mut decoded)
            .expect("valid gzip");
        assert_eq!(decoded, "<p>no scripts</p>");
    }
}
