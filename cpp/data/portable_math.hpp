// sin, cos and log built from + - * / and sqrt only, so that they round identically under
// glibc (native) and musl (WASM): a seed must give bit-identical data sets in every build.
// Accurate to about one ulp; used by the data generators, never in a hot loop.
#pragma once

namespace adagrad::data {

/// Natural logarithm of a finite x > 0.
double portable_log(double x);
/// sin and cos of |x| <= 1e5.
double portable_sin(double x);
double portable_cos(double x);

}  // namespace adagrad::data
