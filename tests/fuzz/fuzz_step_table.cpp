// The manual step table (stepTable in JS) from arbitrary x0, lr, eps (0 and subnormals too),
// placement, steps and scale; then the rare-gradients figure's histories (gradientHistories)
// from arbitrary steps, seed and probability (sizes: steps within 1 … 100000, finite values).
//
// Promises checked: a table the core returns has `steps` rows of finite numbers (overflow is
// refused with a message, never shown as inf or nan), and each row is the arithmetic it claims:
// g = 2·s·x, update = -rate·g, x_new = x + update, the next row starts at x_new, G never falls.
#include <string>

#include "core/check.hpp"
#include "fuzz_common.hpp"
#include "lesson/gradient_histories.hpp"
#include "lesson/step_table.hpp"

using namespace adagrad;

namespace {

void check(const lesson::StepTableOptions& o, const std::vector<lesson::StepRow>& rows) {
  const std::string what = "step_table(x0=" + format_number(o.x0) + ", lr=" + format_number(o.lr) +
                           ", eps=" + format_number(o.eps) + ", scale=" + format_number(o.scale) + "): ";
  FUZZ_EXPECT(o.steps >= 1 && o.steps <= 100'000, what + "accepted steps = " + std::to_string(o.steps));
  FUZZ_EXPECT(rows.size() == static_cast<std::size_t>(o.steps), what + "wrong number of rows");
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& r = rows[k];
    const std::string at = what + "row " + std::to_string(k + 1) + ": ";
    FUZZ_EXPECT(r.t == static_cast<long long>(k) + 1, at + "t is " + std::to_string(r.t));
    for (double v : {r.x, r.grad, r.sum, r.effective_rate, r.update, r.x_new})
      FUZZ_EXPECT(std::isfinite(v), at + "a non-finite number " + format_number(v) + " (x " + format_number(r.x) +
                                   ", g " + format_number(r.grad) + ", G " + format_number(r.sum) + ", rate " +
                                   format_number(r.effective_rate) + ", update " + format_number(r.update) +
                                   ", x_new " + format_number(r.x_new) + ")");
    FUZZ_EXPECT(r.x == (k == 0 ? o.x0 : rows[k - 1].x_new), at + "does not start where the last row ended");
    FUZZ_EXPECT(r.grad == 2 * o.scale * r.x, at + "g is not 2·s·x");
    FUZZ_EXPECT(r.update == -r.effective_rate * r.grad, at + "update is not -rate·g");
    FUZZ_EXPECT(r.x_new == r.x + r.update, at + "x_new is not x + update");
    FUZZ_EXPECT(r.effective_rate >= 0, at + "a negative rate");
    FUZZ_EXPECT(r.sum >= (k == 0 ? 0.0 : rows[k - 1].sum), at + "G fell");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider in(bytes, size);
  lesson::StepTableOptions o;
  o.x0 = fuzz::any_double(in);
  o.lr = fuzz::any_double(in);
  o.eps = fuzz::any_double(in);
  o.eps_placement = in.ConsumeBool() ? optim::EpsPlacement::inside : optim::EpsPlacement::outside;
  o.steps = fuzz::any_count(in, 300);
  o.scale = fuzz::any_double(in);
  // The core allows 100000 rows; fewer keep each run fast, and the bound itself is still tried.
  if (o.steps > 300 && o.steps <= 100'000) o.steps = 300 + o.steps % 7;
  if (fuzz::describing())
    std::fprintf(stderr, "step_table x0=%g lr=%g eps=%g %s steps=%lld scale=%g\n", o.x0, o.lr, o.eps,
                 o.eps_placement == optim::EpsPlacement::inside ? "inside" : "outside", o.steps, o.scale);
  std::vector<lesson::StepRow> rows;
  if (fuzz::accepted([&] { rows = lesson::step_table(o); })) check(o, rows);

  // The rare-gradients figure's histories (gradientHistories), from the rest of the input.
  lesson::GradientHistoryOptions h;
  h.steps = fuzz::any_count(in, 300);
  if (h.steps > 300 && h.steps <= 100'000) h.steps = 300 + h.steps % 7;
  h.seed = in.ConsumeIntegral<std::uint64_t>();
  h.rare_probability = fuzz::any_double(in);
  lesson::GradientHistories g;
  if (fuzz::accepted([&] { g = lesson::gradient_histories(h); })) {
    FUZZ_EXPECT(h.steps >= 1 && h.steps <= 100'000 && h.rare_probability > 0 && h.rare_probability <= 1,
           "gradient_histories accepted steps " + std::to_string(h.steps) + ", p " + format_number(h.rare_probability));
    FUZZ_EXPECT(g.frequent.size() == static_cast<std::size_t>(h.steps) && g.rare.size() == g.frequent.size(),
           "gradient_histories' lengths");
    FUZZ_EXPECT(fuzz::all_finite(g.frequent) && fuzz::all_finite(g.rare), "a non-finite gradient in the histories");
  }
  return 0;
}
