#include "data/portable_math.hpp"

#include <cmath>

namespace adagrad::data {
namespace {

// Cody–Waite split of π/2 and ln 2 (fdlibm's constants): the high parts have few enough bits
// that k·hi is exact for the k we meet.
constexpr double kPio2Hi = 1.57079632673412561417e+00;
constexpr double kPio2Lo = 6.07710050650619224932e-11;
constexpr double kTwoOverPi = 6.36619772367581382433e-01;
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;

// Taylor series on |r| <= π/4; the last terms are below 1e-19.
double sin_kernel(double r) {
  const double r2 = r * r;
  double s = 0;
  for (int n = 17; n >= 3; n -= 2) s = (1.0 - s) * r2 / ((n - 1.0) * n);  // r(1 - r²/3!(1 - r²/(4·5)(…)))
  return r * (1.0 - s);
}

double cos_kernel(double r) {
  const double r2 = r * r;
  double c = 0;
  for (int n = 18; n >= 2; n -= 2) c = (1.0 - c) * r2 / ((n - 1.0) * n);  // 1 - r²/2!(1 - r²/(3·4)(…))
  return 1.0 - c;
}

}  // namespace

double portable_sin(double x) {
  const double k = std::nearbyint(x * kTwoOverPi);
  const double r = (x - k * kPio2Hi) - k * kPio2Lo;
  switch (static_cast<long long>(k) & 3) {
    case 0: return sin_kernel(r);
    case 1: return cos_kernel(r);
    case 2: return -sin_kernel(r);
    default: return -cos_kernel(r);
  }
}

double portable_cos(double x) {
  const double k = std::nearbyint(x * kTwoOverPi);
  const double r = (x - k * kPio2Hi) - k * kPio2Lo;
  switch (static_cast<long long>(k) & 3) {
    case 0: return cos_kernel(r);
    case 1: return -sin_kernel(r);
    case 2: return -cos_kernel(r);
    default: return sin_kernel(r);
  }
}

double portable_log(double x) {
  int e = 0;
  double m = std::frexp(x, &e);  // x = m·2ᵉ, m in [0.5, 1): exact
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  // log m = 2 atanh(s) = 2 (s + s³/3 + s⁵/5 + …) with s = (m-1)/(m+1), |s| < 0.172
  const double s = (m - 1) / (m + 1), s2 = s * s;
  double series = 0;
  for (int n = 25; n >= 3; n -= 2) series = (series + 1.0 / n) * s2;
  const double log_m = 2 * s * (1 + series);
  return e * kLn2Hi + (log_m + e * kLn2Lo);
}

}  // namespace adagrad::data
