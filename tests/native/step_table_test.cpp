// The lesson's manual step table (AdaGrad on s*x^2, one row per step) against numbers worked by
// hand: the notebook's first rows, each row's arithmetic redone here from the formula, the
// 50-step value, and where eps sits (outside or inside the root).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "lesson/step_table.hpp"

using adagrad::lesson::step_table;
using adagrad::lesson::StepRow;
using adagrad::lesson::StepTableOptions;
using adagrad::optim::EpsPlacement;

namespace {

// Redo every row from its own x with the formula, independently of the Adagrad class:
// g = 2 s x, G = G_prev + g^2, rate = lr / (sqrt(G) + eps) (or lr / sqrt(G + eps)),
// update = -rate g, x_new = x + update, and the next row starts from this x_new.
void check_rows_follow_the_formula(const std::vector<StepRow>& rows, const StepTableOptions& o) {
  double G = 0, x = o.x0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const StepRow& row = rows[k];
    INFO("row " << k + 1);
    CHECK(row.t == static_cast<long long>(k + 1));
    CHECK(row.x == x);  // the previous row's x_new, unchanged
    const double g = 2 * o.scale * x;
    G += g * g;
    const double rate = o.eps_placement == EpsPlacement::inside ? o.lr / std::sqrt(G + o.eps)
                                                                : o.lr / (std::sqrt(G) + o.eps);
    CHECK(row.grad == Approx(g).epsilon(1e-14));
    CHECK(row.sum == Approx(G).epsilon(1e-14));
    CHECK(row.effective_rate == Approx(rate).epsilon(1e-14));
    CHECK(row.update == Approx(-rate * g).epsilon(1e-14).margin(1e-300));
    CHECK(row.x_new == Approx(x - rate * g).epsilon(1e-14).margin(1e-300));
    // within the row itself: update = -rate * grad and x_new = x + update
    CHECK(row.update == Approx(-row.effective_rate * row.grad).epsilon(1e-15).margin(1e-300));
    CHECK(row.x_new == Approx(row.x + row.update).epsilon(1e-15).margin(1e-300));
    x = row.x_new;
  }
}

}  // namespace

TEST_CASE("the manual step table reads 3, 2.4, 1.967, 1.633 from x0 = 4 with lr 1",
          "[lesson][step_table]") {
  // Worked by hand: g = 8, G = 64, rate = 1 / (8 + 1e-8), x_new = 4 - 8 / (8 + 1e-8) = 3.00000000125;
  // g = 6.0000000025, G = 100.00000003, x_new = 2.40000000169; and so on.
  const auto rows = step_table({.x0 = 4, .lr = 1, .eps = 1e-8, .steps = 4});
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].x == 4);
  CHECK(rows[0].grad == 8);
  CHECK(rows[0].sum == 64);
  CHECK(rows[0].x_new == Approx(3.00000000125).epsilon(0).margin(1e-10));
  CHECK(rows[1].x_new == Approx(2.40000000169).epsilon(0).margin(1e-10));
  CHECK(rows[2].x_new == Approx(1.9672689343004457).epsilon(0).margin(1e-10));
  CHECK(rows[3].x_new == Approx(1.632968788840109).epsilon(0).margin(1e-10));
}

TEST_CASE("the step table's defaults are the notebook's: x0 4, lr 1, eps 1e-8 outside, 10 rows",
          "[lesson][step_table]") {
  const StepTableOptions o;
  CHECK(o.x0 == 4.0);
  CHECK(o.lr == 1.0);
  CHECK(o.eps == 1e-8);
  CHECK(o.eps_placement == EpsPlacement::outside);
  CHECK(o.steps == 10);
  CHECK(o.scale == 1.0);
  const auto rows = step_table();
  REQUIRE(rows.size() == 10);
  CHECK(rows[0].x_new == Approx(3.00000000125).epsilon(0).margin(1e-10));
}

TEST_CASE("every row of the step table is the AdaGrad formula redone by hand", "[lesson][step_table]") {
  StepTableOptions o{.x0 = 4, .lr = 1, .eps = 1e-8, .steps = 25};
  SECTION("eps outside the root, x^2") {}
  SECTION("eps inside the root, x^2") { o.eps_placement = EpsPlacement::inside; }
  SECTION("eps outside the root, 3 x^2 from a negative start") {
    o.scale = 3;
    o.x0 = -2.5;
    o.lr = 0.3;
  }
  SECTION("eps inside the root, 0.5 x^2 with a large eps") {
    o.scale = 0.5;
    o.eps = 0.25;
    o.eps_placement = EpsPlacement::inside;
  }
  const auto rows = step_table(o);
  REQUIRE(rows.size() == 25);
  check_rows_follow_the_formula(rows, o);
}

TEST_CASE("from x0 = 5 with lr 0.1 the table reaches 3.79082 after 50 steps", "[lesson][step_table]") {
  const auto rows = step_table({.x0 = 5, .lr = 0.1, .steps = 50});
  REQUIRE(rows.size() == 50);
  CHECK(rows.back().t == 50);
  CHECK(rows.back().x_new == Approx(3.79082).epsilon(0).margin(1e-5));
}

TEST_CASE("eps inside the root changes the rate a lot when G is tiny", "[lesson][step_table][eps]") {
  // x0 = 1e-6: g = 2e-6, G = 4e-12, so sqrt(G) = 2e-6 is small next to eps = 1e-8 inside the root
  // (sqrt(1.0004e-8) ~ 1e-4) but large next to it outside.
  const auto outside = step_table({.x0 = 1e-6, .steps = 1});
  const auto inside = step_table({.x0 = 1e-6, .eps_placement = EpsPlacement::inside, .steps = 1});
  CHECK(outside[0].effective_rate == Approx(1 / (2e-6 + 1e-8)).epsilon(1e-12));  // ~497512
  CHECK(inside[0].effective_rate == Approx(1 / std::sqrt(4e-12 + 1e-8)).epsilon(1e-12));  // ~9998
  CHECK(outside[0].effective_rate > 40 * inside[0].effective_rate);
  // so the first step moves by about lr (to -0.995) outside, but only by 0.02 inside
  CHECK(outside[0].x_new == Approx(1e-6 - 2e-6 / (2e-6 + 1e-8)).epsilon(1e-12));
  CHECK(inside[0].x_new == Approx(1e-6 - 2e-6 / std::sqrt(4e-12 + 1e-8)).epsilon(1e-12));
}

TEST_CASE("eps placement hardly matters once G is large", "[lesson][step_table][eps]") {
  // From x0 = 4, G >= 64: 1/(sqrt(G) + 1e-8) and 1/sqrt(G + 1e-8) differ by about 1e-9 relative.
  const auto outside = step_table({.x0 = 4, .steps = 10});
  const auto inside = step_table({.x0 = 4, .eps_placement = EpsPlacement::inside, .steps = 10});
  for (std::size_t k = 0; k < outside.size(); ++k) {
    INFO("row " << k + 1);
    CHECK(outside[k].effective_rate != inside[k].effective_rate);  // measurable in double
    CHECK(std::abs(outside[k].effective_rate - inside[k].effective_rate) <
          2e-9 * outside[k].effective_rate);
    CHECK(std::abs(outside[k].x_new - inside[k].x_new) < 1e-8);
  }
}
