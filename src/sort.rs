//! One sorting routine for the whole crate. Each `sort_by` / `sort_by_key`
//! call with its own closure is a separate copy of the standard library's sort
//! (a few KB of wasm each): here every caller maps its elements to `u64` keys
//! and one instance sorts `(key, index)` pairs. The index makes equal keys
//! keep their order, so this is a stable sort.

/// Sorts `v` stably by `key`, smallest first.
pub(crate) fn by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut keys: Vec<(u64, usize)> = v.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        keys.iter()
            .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The `u64` key that orders floats as `f64::total_cmp` does.
pub(crate) fn f64_key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | (1 << 63)
    }
}

/// The key that reverses `k`'s order (largest first).
pub(crate) fn desc(k: u64) -> u64 {
    !k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_float_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        by_key(&mut v, |&(k, _)| desc(k));
        assert_eq!(v, [(3, 'a'), (3, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
        let xs = [
            2.5,
            -1.0,
            f64::INFINITY,
            -0.0,
            0.0,
            f64::NEG_INFINITY,
            1e-300,
            -7.25,
        ];
        let mut a: Vec<f64> = xs.to_vec();
        by_key(&mut a, |&x| f64_key(x));
        let mut b = xs.to_vec();
        b.sort_by(f64::total_cmp);
        assert_eq!(
            a.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            b.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
        by_key(&mut a, |&x| desc(f64_key(x)));
        b.sort_by(|x, y| y.total_cmp(x));
        assert_eq!(
            a.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            b.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }
}
