// The whole JS surface of the core, as Embind declarations. Each entry converts its arguments
// (convert.hpp), calls one core function and converts the result: no math here. Every body
// runs in guarded(), so a C++ exception reaches JS as an Error thrown by api.js (see
// convert.hpp for why it is not thrown from here). api.js adds the constructors and checks.
#include <malloc.h>

#include <memory>
#include <string>
#include <vector>

#include <emscripten/bind.h>

#include "convert.hpp"
#include "core/check.hpp"
#include "core/grid.hpp"
#include "data/regression.hpp"
#include "data/text.hpp"
#include "lesson/gradient_histories.hpp"
#include "lesson/pitfalls.hpp"
#include "lesson/step_table.hpp"
#include "nn/boundary.hpp"
#include "nn/training.hpp"
#include "objectives/linear_regression.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/trajectory.hpp"
#include "optim/factory.hpp"

namespace adagrad::bindings {
namespace {

using emscripten::allow_raw_pointers;

// ---- optimizers ---------------------------------------------------------------------------

optim::Optimizer* create_optimizer(val spec) {
  return guarded([&] { return optim::make_optimizer(to_optimizer_spec(spec)).release(); });
}

void step(optim::Optimizer& opt, val params, val grads) {
  guarded([&] {
    std::vector<double> p = to_doubles(params, "params");
    const std::vector<double> g = to_doubles(grads, "grad");
    opt.step(p, g);
    write_back(params, p);
  });
}

std::string kind(const optim::Optimizer& opt) { return std::string(opt.kind()); }
double steps(const optim::Optimizer& opt) { return static_cast<double>(opt.steps()); }
void reset(optim::Optimizer& opt) { opt.reset(); }

val sum(const optim::Optimizer& opt) {
  return guarded([&] { return to_float64_array(opt.require_accumulator()); });
}
val effective_rate(const optim::Optimizer& opt) {
  return guarded([&] { return to_float64_array(opt.require_effective_rate()); });
}
val second_moment(const optim::Optimizer& opt) {
  return guarded([&] { return to_float64_array(opt.second_moment()); });
}
val last_update(const optim::Optimizer& opt) {
  return guarded([&] { return to_float64_array(opt.last_update()); });
}

val option_names(val kind) {
  return guarded([&] {
    val out = val::array();
    for (std::string_view name : optim::option_names(to_string(kind, "kind")))
      out.call<void>("push", std::string(name));
    return out;
  });
}

val option_defaults(val kind) {
  return guarded([&] {
    val out = val::object();
    for (const auto& [name, value] : optim::option_defaults(to_string(kind, "kind")))
      std::visit([&, &name = name](const auto& v) { out.set(name, v); }, value);
    return out;
  });
}

// ---- the manual step table ----------------------------------------------------------------

val step_table(val options) {
  return guarded([&] {
    const Options o(options, "stepTable", true);
    lesson::StepTableOptions s;
    s.x0 = o.number("x0", s.x0);
    s.lr = o.number("lr", s.lr);
    s.eps = o.number("eps", s.eps);
    if (o.has("eps_placement")) s.eps_placement = optim::parse_eps_placement(o.string("eps_placement"));
    s.steps = o.integer("steps", s.steps);
    s.scale = o.number("scale", s.scale);
    o.finish();
    val rows = val::array();
    for (const lesson::StepRow& r : lesson::step_table(s)) {
      val row = val::object();
      row.set("t", static_cast<double>(r.t));
      row.set("x", r.x);
      row.set("grad", r.grad);
      row.set("sum", r.sum);
      row.set("effective_rate", r.effective_rate);
      row.set("update", r.update);
      row.set("x_new", r.x_new);
      rows.call<void>("push", row);
    }
    return rows;
  });
}

// ---- objectives and whole runs ------------------------------------------------------------

val from_trajectory(const objectives::Trajectory& t) {
  val out = val::object();
  out.set("dim", static_cast<double>(t.dim));
  out.set("stepsTaken", static_cast<double>(t.steps_taken()));
  out.set("params", to_float64_array(t.params));
  out.set("values", to_float64_array(t.values));
  out.set("rates", to_float64_array(t.rates));
  out.set("grads", to_float64_array(t.grads));
  out.set("moments", to_float64_array(t.moments));
  out.set("divergedAt", number_or_null(t.diverged_at));
  return out;
}

// The run of a `runQuadratic`-style option object: with reset_state_every_step, the lesson's
// pitfall (AdaGrad re-created before every step) instead of a plain objectives::run.
val run_objective(const Options& o, const objectives::Objective& f) {
  const std::vector<double> x0 = o.doubles_if_present("x0").value_or(f.start());
  const long long steps = o.integer("steps");
  const auto opt = optim::make_optimizer(to_optimizer_spec(o.required("optimizer")));
  const bool forgetful = o.has("reset_state_every_step") && to_bool(o.get("reset_state_every_step"), "reset_state_every_step");
  o.finish();
  return from_trajectory(forgetful ? lesson::run_with_state_reset_every_step(f, x0, steps, *opt)
                                   : objectives::run(*opt, f, x0, steps));
}

double quadratic_value(val scales, val x) {
  return guarded([&] { return objectives::Quadratic(to_doubles(scales, "scales")).value(to_doubles(x, "x")); });
}

val quadratic_gradient(val scales, val x) {
  return guarded([&] {
    const objectives::Quadratic f(to_doubles(scales, "scales"));
    std::vector<double> grad(f.dim());
    f.gradient(to_doubles(x, "x"), grad);
    return to_float64_array(grad);
  });
}

val run_quadratic(val options) {
  return guarded([&] {
    const Options o(options, "runQuadratic");
    return run_objective(o, objectives::Quadratic(o.doubles("scales")));
  });
}

val run_linear_regression(val options) {
  return guarded([&] {
    const Options o(options, "runLinearRegression");
    return run_objective(o, objectives::LinearRegressionMse(read_dataset(o)));
  });
}

double linear_regression_value(val data, val params) {
  return guarded([&] {
    return objectives::LinearRegressionMse(to_dataset(data)).value(to_doubles(params, "params"));
  });
}

val linear_regression_gradient(val data, val params) {
  return guarded([&] {
    const objectives::LinearRegressionMse f(to_dataset(data));
    std::vector<double> grad(f.dim());
    f.gradient(to_doubles(params, "params"), grad);
    return to_float64_array(grad);
  });
}

val linear_regression_minimum(val data) {
  return guarded([&] { return to_float64_array(objectives::LinearRegressionMse(to_dataset(data)).minimum()); });
}

val quadratic_value_grid(val scales, val grid) {
  return guarded([&] {
    return to_float64_array(objectives::value_grid(objectives::Quadratic(to_doubles(scales, "scales")), to_grid(grid)));
  });
}

val linear_regression_value_grid(val data, val grid) {
  return guarded([&] {
    return to_float64_array(objectives::value_grid(objectives::LinearRegressionMse(to_dataset(data)), to_grid(grid)));
  });
}

// ---- data sets ----------------------------------------------------------------------------

val make_dataset(val options) {
  return guarded([&] {
    const Options o(options, "makeDataset");
    const data::Dataset d = read_generated_dataset(o);
    o.finish();
    return from_dataset(d);
  });
}

val make_regression_dataset(val options) {
  return guarded([&] {
    const Options o(options, "makeRegressionDataset");
    const std::string kind = o.string("kind");
    data::RegressionOptions r;
    r.n_samples = o.integer("n_samples", r.n_samples);
    r.noise = o.number("noise", r.noise);
    r.seed = o.seed("seed", r.seed);
    r.density = o.number("density", r.density);
    o.finish();
    return from_dataset(data::make_regression_dataset(kind, r));
  });
}

val tokenize(val text) {
  return guarded([&] {
    val out = val::array();
    for (const std::string& word : data::tokenize(to_string(text, "text"))) out.call<void>("push", word);
    return out;
  });
}

val bag_of_words(val texts, val labels) {
  return guarded([&] {
    const auto bag = data::bag_of_words(to_strings(texts, "texts"), to_doubles(labels, "labels"));
    val out = from_dataset(bag.data);
    val vocabulary = val::array();
    for (const std::string& word : bag.vocabulary) vocabulary.call<void>("push", word);
    out.set("vocabulary", vocabulary);
    out.set("documentFrequency", to_float64_array(bag.document_frequency));
    return out;
  });
}

// ---- lesson figures -----------------------------------------------------------------------

val gradient_histories(val options) {
  return guarded([&] {
    const Options o(options, "gradientHistories", true);
    lesson::GradientHistoryOptions h;
    h.steps = o.integer("steps", h.steps);
    h.seed = o.seed("seed", h.seed);
    h.rare_probability = o.number("rare_probability", h.rare_probability);
    o.finish();
    const auto histories = lesson::gradient_histories(h);
    val out = val::object();
    out.set("frequent", to_float64_array(histories.frequent));
    out.set("rare", to_float64_array(histories.rare));
    return out;
  });
}

// ---- the network --------------------------------------------------------------------------

nn::Mlp* create_network(val options) {
  return guarded([&] { return new nn::Mlp(to_mlp_options(options)); });
}

double num_params(const nn::Mlp& net) { return static_cast<double>(net.num_params()); }

val get_params(const nn::Mlp& net) { return guarded([&] { return to_float64_array(net.params()); }); }

void set_params(nn::Mlp& net, val params) {
  guarded([&] { net.set_params(to_doubles(params, "params")); });
}

val evaluate(nn::Mlp& net, val x, val y) {
  return guarded([&] {
    const auto e = net.evaluate(to_doubles(x, "x"), to_doubles(y, "y"));
    val out = val::object();
    out.set("loss", e.loss);
    out.set("accuracy", e.accuracy);
    return out;
  });
}

val predict(nn::Mlp& net, val x) {
  return guarded([&] {
    const std::vector<double> xs = to_doubles(x, "x");
    std::vector<double> out(xs.size() / net.num_inputs());  // the core checks the remainder
    net.predict(xs, out);
    return to_float64_array(out);
  });
}

val predict_grid(nn::Mlp& net, val grid) {
  return guarded([&] {
    const Grid g = to_grid(grid);
    g.validate();  // before sizing the output by it
    std::vector<double> out(g.size());
    net.predict_grid(g, out);
    return to_float64_array(out);
  });
}

val boundary_grid(nn::Mlp& net, val grid) {
  return guarded([&] {
    const Grid g = to_grid(grid);
    g.validate();
    std::vector<float> out(g.size());
    nn::boundary_grid(net, g, out);
    return to_float32_array(out);
  });
}

// ---- training -----------------------------------------------------------------------------

// nn::TrainingRun plus the weights it started from, so that restart() can go back to them.
struct Run {
  nn::TrainingRun run;
  std::vector<double> start;
};

Run* create_training_run(val options) {
  return guarded([&]() -> Run* {
    const Options o(options, "TrainingRun");
    nn::Mlp net(to_mlp_options(o.get("network")));
    if (o.has("params")) net.set_params(o.doubles("params"));
    std::vector<double> start(net.params().begin(), net.params().end());
    auto opt = optim::make_optimizer(to_optimizer_spec(o.required("optimizer")));
    const Options data(o.required("data"), "data");
    data::Dataset d = data.has("kind") ? read_generated_dataset(data) : read_dataset(data, net.num_inputs());
    data.finish();
    nn::TrainOptions t;
    t.batch_size = o.integer("batch_size", t.batch_size);
    t.shuffle_seed = o.seed("shuffle_seed", t.shuffle_seed);
    o.finish();
    return new Run{nn::TrainingRun(std::move(net), std::move(opt), std::move(d), t), std::move(start)};
  });
}

val from_stats(const nn::EpochStats& s) {
  val out = val::object();
  out.set("epoch", static_cast<double>(s.epoch));
  out.set("loss", s.loss);
  out.set("accuracy", s.accuracy);
  out.set("diverged", s.diverged);
  return out;
}

val run_epoch(Run& r) { return guarded([&] { return from_stats(r.run.epoch()); }); }
val run_epochs(Run& r, val count) {
  return guarded([&] { return from_stats(r.run.epochs(to_integer(count, "count"))); });
}
double run_epochs_done(const Run& r) { return static_cast<double>(r.run.epochs_done()); }
val run_diverged_at(const Run& r) { return guarded([&] { return number_or_null(r.run.diverged_at()); }); }
val run_losses(const Run& r) { return guarded([&] { return to_float64_array(r.run.losses()); }); }
val run_accuracies(const Run& r) { return guarded([&] { return to_float64_array(r.run.accuracies()); }); }
double run_num_params(Run& r) { return num_params(r.run.network()); }
val run_get_params(Run& r) { return get_params(r.run.network()); }
val run_predict_grid(Run& r, val grid) { return predict_grid(r.run.network(), grid); }
val run_boundary_grid(Run& r, val grid) { return boundary_grid(r.run.network(), grid); }
val run_predict(Run& r, val x) { return predict(r.run.network(), x); }
val run_evaluate(Run& r, val x, val y) { return evaluate(r.run.network(), x, y); }
val run_data(const Run& r) { return guarded([&] { return from_dataset(r.run.data()); }); }
// The run's optimizer insides, per parameter, as on an optimizer object.
val run_effective_rate(Run& r) { return effective_rate(r.run.optimizer()); }
val run_sum(Run& r) { return sum(r.run.optimizer()); }
void run_restart(Run& r, val params) {
  guarded([&] { r.run.restart(params.isUndefined() ? r.start : to_doubles(params, "params")); });
}
void run_restart_from_seed(Run& r, val seed) {
  guarded([&] { r.run.restart_from_seed(to_seed(seed, "seed")); });
}

// ---- diagnostics --------------------------------------------------------------------------

/// Bytes of the WASM heap in use by malloc: what the leak tests watch.
double heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

// ---- the surface's own description ---------------------------------------------------------
//
// api.js wraps every function and method Embind registered and names each argument in its
// messages ("x must be a number"). The names are written once, here, beside each registration,
// and the compiler checks there is one per argument; api.js reads them from _surface().

struct Entry {
  std::string owner;  // the class, or "" for a free function
  std::string name;
  std::vector<std::string> args;
};

std::vector<Entry>& entries() {
  static std::vector<Entry> all;
  return all;
}

/// Registers f as the free function `name` whose arguments are called `args...`.
template <class R, class... A, class... Names>
void def(const char* name, R (*f)(A...), Names... args) {
  static_assert(sizeof...(Names) == sizeof...(A), "name each argument once");
  emscripten::function(name, f, allow_raw_pointers());
  entries().push_back({"", name, {args...}});
}

/// Embind's class_, whose methods (free functions taking the object first) are registered the same way.
template <class T>
class Class {
 public:
  explicit Class(const char* name) : class_(name), name_(name) {}

  template <class R, class Self, class... A, class... Names>
  Class& def(const char* name, R (*f)(Self, A...), Names... args) {
    static_assert(sizeof...(Names) == sizeof...(A), "name each argument after the object once");
    class_.function(name, f);
    entries().push_back({name_, name, {args...}});
    return *this;
  }

 private:
  emscripten::class_<T> class_;
  std::string name_;
};

/// {functions: {name: [argument names]}, classes: {Class: {method: [argument names]}}}.
val surface() {
  val functions = val::object(), classes = val::object();
  for (const Entry& e : entries()) {
    val args = val::array();
    for (const std::string& a : e.args) args.call<void>("push", a);
    if (e.owner.empty()) {
      functions.set(e.name, args);
      continue;
    }
    if (classes[e.owner].isUndefined()) classes.set(e.owner, val::object());
    classes[e.owner].set(e.name, args);
  }
  val out = val::object();
  out.set("functions", functions);
  out.set("classes", classes);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(adagrad_lab) {
  // Every entry point, with its arguments' names (see def above).
  Class<optim::Optimizer>("Optimizer")
      .def("step", &step, "params", "grad")
      .def("kind", &kind)
      .def("steps", &steps)
      .def("reset", &reset)
      .def("sum", &sum)
      .def("effectiveRate", &effective_rate)
      .def("lastUpdate", &last_update)
      .def("secondMoment", &second_moment);
  def("createOptimizer", &create_optimizer, "optimizer");
  def("optionNames", &option_names, "kind");
  def("optionDefaults", &option_defaults, "kind");

  def("stepTable", &step_table, "stepTable");

  def("quadraticValue", &quadratic_value, "scales", "x");
  def("quadraticGradient", &quadratic_gradient, "scales", "x");
  def("runQuadratic", &run_quadratic, "runQuadratic");
  def("runLinearRegression", &run_linear_regression, "runLinearRegression");
  def("linearRegressionValue", &linear_regression_value, "data", "params");
  def("linearRegressionGradient", &linear_regression_gradient, "data", "params");
  def("linearRegressionMinimum", &linear_regression_minimum, "data");

  def("quadraticValueGrid", &quadratic_value_grid, "scales", "grid");
  def("linearRegressionValueGrid", &linear_regression_value_grid, "data", "grid");

  def("makeDataset", &make_dataset, "makeDataset");
  def("makeRegressionDataset", &make_regression_dataset, "makeRegressionDataset");
  def("tokenize", &tokenize, "text");
  def("bagOfWords", &bag_of_words, "texts", "labels");
  def("gradientHistories", &gradient_histories, "gradientHistories");

  Class<nn::Mlp>("Network")
      .def("numParams", &num_params)
      .def("getParams", &get_params)
      .def("setParams", &set_params, "params")
      .def("evaluate", &evaluate, "x", "y")
      .def("predict", &predict, "x")
      .def("predictGrid", &predict_grid, "grid")
      .def("boundaryGrid", &boundary_grid, "grid");
  // `new lab.Network(options)` in api.js: _createX becomes the constructor of class X
  def("_createNetwork", &create_network, "network");

  Class<Run>("TrainingRun")
      .def("epoch", &run_epoch)
      .def("epochs", &run_epochs, "count")
      .def("epochsDone", &run_epochs_done)
      .def("divergedAt", &run_diverged_at)
      .def("losses", &run_losses)
      .def("accuracies", &run_accuracies)
      .def("numParams", &run_num_params)
      .def("getParams", &run_get_params)
      .def("predictGrid", &run_predict_grid, "grid")
      .def("boundaryGrid", &run_boundary_grid, "grid")
      .def("predict", &run_predict, "x")
      .def("evaluate", &run_evaluate, "x", "y")
      .def("data", &run_data)
      .def("effectiveRate", &run_effective_rate)
      .def("sum", &run_sum)
      .def("restart", &run_restart, "params")
      .def("restartFromSeed", &run_restart_from_seed, "seed");
  def("_createTrainingRun", &create_training_run, "TrainingRun");

  def("heapInUse", &heap_in_use);

  // read once by api.js, then removed from the module
  emscripten::function("_surface", &surface);
}

}  // namespace adagrad::bindings
