//! The flags `clusterplan serve` refuses, and the public URL it accepts.

#[test]
fn a_public_url_is_an_http_or_https_base_or_nothing() {
    for good in [
        "",
        "https://plan.example.com",
        "http://127.0.0.1:3000/plan",
        "http://[::1]:8080",
    ] {
        assert_eq!(super::parse_public_url(good).as_deref(), Ok(good));
    }
    let upper = super::parse_public_url("HTTPS://Plan.Example.com/");
    assert_eq!(upper.as_deref(), Ok("https://plan.example.com"));
    for bad in [
        "javascript:alert(1)",
        "not a url",
        "https://",
        "https://user@evil.example",
        "https://plan.example.com/?x=1",
        "ftp://plan.example.com",
        "https://:80",
        "https://ex.com:99999",
        "https://ex.com:abc",
        "http://ex.com:80:90",
        "https://[::1",
        "https://ex.com\\evil",
        "https://ex.com/<script>",
        "https://ex.com;x",
    ] {
        assert!(super::parse_public_url(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_limit_that_would_refuse_everything_is_refused_by_name() {
    #[derive(clap::Parser)]
    struct Serve {
        #[command(flatten)]
        config: super::Config,
    }
    use clap::Parser;
    for flag in [
        "--request-timeout-secs",
        "--header-read-timeout-secs",
        "--stall-timeout-secs",
        "--max-connections",
        "--max-database-mb",
        "--max-revisions-per-scenario",
        "--write-limit-per-minute",
    ] {
        let error = Serve::try_parse_from(["serve", flag, "0"]).err();
        let huge = Serve::try_parse_from(["serve", flag, "18446744073709551615"]);
        assert!(huge.is_err() || !flag.contains("timeout"), "{flag} huge");
        let said = error.map(|e| e.to_string()).unwrap_or_default();
        assert!(said.contains(flag), "{flag} 0: {said}");
        assert!(
            Serve::try_parse_from(["serve", flag, "1"]).is_ok(),
            "{flag} 1"
        );
    }
    // Waits and delays may be 0, but no longer than a day.
    for flag in [
        "--drain-delay-secs",
        "--shutdown-timeout-secs",
        "--simulation-wait-ms",
        "--render-wait-ms",
    ] {
        assert!(
            Serve::try_parse_from(["serve", flag, "0"]).is_ok(),
            "{flag} 0"
        );
        let huge = Serve::try_parse_from(["serve", flag, "18446744073709551615"]);
        assert!(huge.is_err(), "{flag} huge");
    }
}
