//! Field labels for people, derived from the field paths: one rendering for the
//! form, the methodology page, the charts and the CSV.

/// The section heading people read for a path's first segment, if it has one.
fn section_label(section: &str) -> Option<&'static str> {
    Some(match section {
        "workers" => "Workers",
        "eks" => "EKS",
        "self_hosted" => "Self-hosted",
        "team" => "Team",
        "upgrades" => "Upgrades",
        "prices" => "Prices",
        "growth" => "Growth",
        "display" => "Display",
        "line_items[]" => "Line item",
        _ => return None,
    })
}

/// `workers.headroom_pct` → `Headroom`: the last segment of a path, in words.
pub fn field_label(path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    // A rate is named by what it counts; the unit suffix alone says nothing.
    if last == "per_usd" {
        return "Exchange rate".to_owned();
    }
    let words = last
        .trim_end_matches("_pct")
        .trim_end_matches("_usd")
        .trim_end_matches("_gib")
        .replace('_', " ")
        .replace(" pct ", " % ")
        .replace("vcpu", "vCPU")
        .replace("cpu", "CPU")
        .replace("vpc cni", "VPC CNI")
        .replace("api lb", "API load balancer")
        .replace("eks", "EKS")
        .replace("s3", "S3")
        .replace("ebs", "EBS");
    match words.starts_with("vCPU") {
        true => words,
        false => upper_first(&words),
    }
}

fn upper_first(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Lower-cases the first letter unless the first word is an acronym (`EKS`, `vCPU`):
/// a label to use inside a sentence.
pub fn lower_first_word(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}

/// The label of a choice of a string field (`self_hosted` → `Self-hosted`,
/// `node` → `Per worker node`); unknown values read as themselves.
pub fn choice_label(value: &str) -> String {
    let option = crate::OptionName::ALL
        .into_iter()
        .find(|o| o.key() == value);
    match (option, value) {
        (Some(option), _) => option.label().to_owned(),
        (None, "both") => "Both options".to_owned(),
        (None, "month") => "Per month".to_owned(),
        (None, "cluster") => "Per cluster".to_owned(),
        (None, "node") => "Per worker node".to_owned(),
        (None, other) => other.to_owned(),
    }
}

/// A label that stands alone, outside the form's sections:
/// `self_hosted.routine_hours_per_cluster_month` → `Self-hosted: routine hours per
/// cluster month` (charts and tables that list fields of several sections).
pub fn field_title(path: &str) -> String {
    let label = field_label(path);
    match path
        .split_once('.')
        .and_then(|(head, _)| section_label(head))
    {
        Some(section) => format!("{section}: {}", lower_first_word(&label)),
        None => label,
    }
}

#[cfg(test)]
mod tests {
    use super::{field_label, field_title};

    #[test]
    fn labels_read_as_words() {
        assert_eq!(field_label("workers.headroom_pct"), "Headroom");
        assert_eq!(
            field_label("growth.workload_pct_per_year"),
            "Workload % per year"
        );
        assert_eq!(field_label("workers.custom.vcpu"), "vCPU");
        assert_eq!(
            field_title("self_hosted.routine_hours_per_cluster_month"),
            "Self-hosted: routine hours per cluster month"
        );
        assert_eq!(field_title("clusters"), "Clusters");
        assert_eq!(field_title("eks.standard_hourly"), "EKS: standard hourly");
    }
}
