//! Reading `data/ec2-us-east-1.csv`: ten plain columns (no quoting, no empty
//! cells), so a split on commas reads it exactly; the file is checked once, when
//! the catalog is first used, and by the catalog tests.

#[cfg(feature = "catalog")]
use super::InstanceType;

/// Data rows of a CSV file: its line ends minus the header's, plus a last line
/// without one. A `const fn`, so the count costs the bundle no bytes of the file.
pub(super) const fn count(csv: &[u8]) -> usize {
    let mut lines = 0;
    let mut i = 0;
    while i < csv.len() {
        if csv[i] == b'\n' {
            lines += 1;
        }
        i += 1;
    }
    let unterminated = !csv.is_empty() && csv[csv.len() - 1] != b'\n';
    lines + unterminated as usize - 1
}

/// `n` with thousands separators (`1,345`), right-aligned in a buffer, and
/// where it starts. A `const fn`, so pages that show the count carry the text,
/// not formatting code.
pub(super) const fn grouped(mut n: usize) -> ([u8; 32], usize) {
    let mut text = [0u8; 32];
    let (mut at, mut digits) = (32, 0);
    loop {
        if digits > 0 && digits % 3 == 0 {
            at -= 1;
            text[at] = b',';
        }
        at -= 1;
        text[at] = b'0' + (n % 10) as u8;
        (n, digits) = (n / 10, digits + 1);
        if n == 0 {
            return (text, at);
        }
    }
}

/// The header the parser reads the columns by.
#[cfg(feature = "catalog")]
pub(super) const HEADER: &str =
    "instance_type,family,vcpu,memory_gib,arch,gpus,hourly_usd,enis,ipv4_per_eni,max_pods_vpc_cni";

/// Every row as an instance type. Panics on a malformed row: the file is part of
/// the build, and the catalog tests read it in full.
#[cfg(feature = "catalog")]
pub(super) fn parse(csv: &str) -> Vec<InstanceType> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(HEADER), "the catalog CSV's header");
    lines
        .filter(|line| !line.is_empty())
        .map(|line| row(line).unwrap_or_else(|e| panic!("catalog CSV row {line:?}: {e}")))
        .collect()
}

#[cfg(feature = "catalog")]
fn row(line: &str) -> Result<InstanceType, String> {
    let cells: Vec<&str> = line.split(',').collect();
    let [
        name,
        family,
        vcpu,
        memory,
        arch,
        gpus,
        price,
        enis,
        ips,
        pods,
    ] = cells[..]
    else {
        return Err(format!("{} cells, not 10", cells.len()));
    };
    fn number<T: std::str::FromStr>(cell: &str, column: &str) -> Result<T, String> {
        cell.parse()
            .map_err(|_| format!("{column} {cell:?} is not a number"))
    }
    let t = InstanceType {
        name: name.to_owned(),
        family: family.to_owned(),
        vcpu: number(vcpu, "vcpu")?,
        memory_gib: number(memory, "memory_gib")?,
        arch: arch.to_owned(),
        gpus: number(gpus, "gpus")?,
        hourly_usd: number(price, "hourly_usd")?,
        enis: number(enis, "enis")?,
        ipv4_per_eni: number(ips, "ipv4_per_eni")?,
    };
    if name.split_once('.').map(|(f, _)| f) != Some(family) {
        return Err(format!("family {family:?} is not the name's"));
    }
    if !matches!(arch, "amd64" | "arm64") {
        return Err(format!("arch {arch:?} is not amd64 or arm64"));
    }
    if !(t.hourly_usd.is_finite() && t.hourly_usd > 0.0 && t.memory_gib > 0.0 && t.vcpu > 0) {
        return Err("price, memory and vCPUs must be above 0".to_owned());
    }
    // The file states the pod limit; the model derives it. They must agree.
    if number::<u32>(pods, "max_pods_vpc_cni")? != t.max_pods_vpc_cni() {
        return Err(format!(
            "max_pods_vpc_cni {pods} is not ENIs × (IPv4 − 1) + 2"
        ));
    }
    Ok(t)
}
