// SPDX-License-Identifier: MIT
// paper_fit helper: the gnuplot script that renders the two panels of [P] Fig. 2 from the
// CSV files paper_fit writes (kept next to the data so users can restyle and rerun it).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace paper_fit {

struct FigureWindow {
  double s_lo, s_hi, y_lo, y_hi;  // sin(theta) and (Y_S)2 (Y_S)3 axis ranges
  double meg_limit;               // BR(mu -> e gamma) bound drawn as the allowed region
  double c9_central, c9_sigma, amu_central, amu_sigma;
  double d1, d2, d3;              // Delta chi^2 levels of 1, 2, 3 sigma (2 parameters)
  std::string data_label;
  std::string meg_levels;         // comma-separated log10 BR(mu -> e gamma) contour levels
  std::string title_note;         // appended to the left title (e.g. "no point passes MEG")
  bool mark_excluded = true;      // grey dots on excluded points in the right panel (off if all are)
};

inline std::string gnuplot_script(const FigureWindow& w) {
  char head[1024];
  std::snprintf(head, sizeof head,
                "# Renders fig2_left.png and fig2_right.png from the CSV files in this directory.\n"
                "# Run: gnuplot fig2.gp   (written by examples/paper_fit --figure)\n"
                "set datafile separator ','\n"
                "smin=%.17g; smax=%.17g; ymin=%.17g; ymax=%.17g\nmeg=%.17g\n"
                "c9=%.17g; c9s=%.17g; amu=%.17g; amus=%.17g\nd1=%.17g; d2=%.17g; d3=%.17g\n"
                "label='%s'\nnote='%s'\nmarkexcl=%d\n",
                w.s_lo, w.s_hi, w.y_lo, w.y_hi, w.meg_limit, w.c9_central, w.c9_sigma, w.amu_central,
                w.amu_sigma, w.d1, w.d2, w.d3, w.data_label.c_str(), w.title_note.c_str(), w.mark_excluded ? 1 : 0);
  std::string s = head;
  s += "set cntrparam levels discrete " + w.meg_levels + "\nmeglevels='" + w.meg_levels + "'\n";
  s += R"GP(
# ---- contour lines of log10 BR(mu->e gamma) and of the MEG bound, computed by gnuplot
set table 'fig2_left_contours_meg.dat'
unset surface; set contour base; set view map
splot 'fig2_left.csv' using 1:2:7 with lines
unset table
set table 'fig2_left_contour_bound.dat'
set cntrparam levels discrete log10(meg)
splot 'fig2_left.csv' using 1:2:7 with lines
unset table
unset contour; set surface
# the tables are whitespace-separated: read them through sed as CSV
csv(f) = sprintf("< sed -e 's/^ *//' -e 's/  */,/g' %s", f)

set terminal pngcairo size 900,720 enhanced font 'DejaVu Sans,12'
set output 'fig2_left.png'
set title sprintf('{/Symbol c}^2 fit (%s): 1/2/3{/Symbol s} regions%s', label, note)
set xlabel 'sin {/Symbol q}'; set ylabel '(Y_S)_2 (Y_S)_3'
set xrange [smin:smax]; set yrange [ymin:ymax]
set key outside bottom center horizontal box opaque font ',10'
set style fill transparent solid 0.35 noborder
rR(r) = 255
rG(r) = r==3 ? 158 : r==2 ? 160 : r==1 ? 240 : 255
rB(r) = r==3 ? 200 : r==2 ? 64 : r==1 ? 96 : 255
region(r) = rR(r)*65536 + rG(r)*256 + rB(r)
plot 'fig2_left.csv' using 1:2:(rR($5)):(rG($5)):(rB($5)):(255) with rgbalpha notitle, \
     '' using 1:2:($8>0.5 ? 139 : 0):(0):(0):($8>0.5 ? 90 : 0) with rgbalpha notitle, \
     '' using 1:2:(90):(90):(90):($10>0.5 ? 150 : 0) with rgbalpha notitle, \
     NaN with boxes lc rgb '#ff9ec8' title '1{/Symbol s}', \
     NaN with boxes lc rgb '#ffa040' title '2{/Symbol s}', \
     NaN with boxes lc rgb '#fff060' title '3{/Symbol s}', \
     NaN with boxes lc rgb '#8b0000' title 'MEG allowed', \
     NaN with boxes lc rgb '#5a5a5a' title 'b{/Symbol \256}s{/Symbol g} excluded (3{/Symbol s})', \
     csv('fig2_left_contours_meg.dat') using 1:2 with lines dt 2 lw 1.2 lc rgb '#303030' title sprintf('log_{10} BR({/Symbol m}{/Symbol \256}e{/Symbol g}) = %s', meglevels), \
     csv('fig2_left_contour_bound.dat') using 1:2 with lines lw 2.5 lc rgb '#8b0000' notitle, \
     'fig2_best_fit.csv' using 1:2 with points pt 7 ps 2.2 lc rgb '#ff7f00' title 'best fit', \
     'fig2_paper_best_fit.csv' using 1:2 with points pt 6 ps 2.2 lw 2 lc rgb '#000000' title '[P] best fit'

set output 'fig2_right.png'
set title sprintf('C_{9{/Symbol m}}^V vs {/Symbol D}a_{/Symbol m} (%s)%s', label, markexcl ? '; grey dots: excluded' : note)
set xlabel '{/Symbol D}a_{/Symbol m} x 10^9'; set ylabel 'C_{9{/Symbol m}}^V'
set autoscale xy
set parametric; set trange [0:2*pi]
plot 'fig2_right.csv' using ($1*1e9):2:(region($5)) with points pt 5 ps 0.4 lc rgb variable notitle, \
     '' using ($6 > 0.5 || !markexcl ? NaN : $1*1e9):2 with points pt 7 ps 0.15 lc rgb '#b0b0b0' notitle, \
     'fig2_right_contours.csv' using ($1*1e9):2 with lines dt 2 lw 3 lc rgb '#909090' title '(Y_S)_2(Y_S)_3 = const (labelled)', \
     'fig2_right_contours.csv' using ($1*1e9):2:(sprintf('%.2g', $4)) every ::120::120 with labels offset 2,0 font ',9' notitle, \
     (amu + amus*cos(t))*1e9, c9 + c9s*sin(t) with lines dt 2 lw 2 lc rgb '#000000' title 'measured 1{/Symbol s}', \
     'fig2_measured.csv' using ($1*1e9):2 with points pt 7 ps 1.5 lc rgb '#000000' notitle, \
     'fig2_best_fit.csv' using ($5*1e9):4 with points pt 7 ps 2.2 lc rgb '#ff7f00' title 'best fit'
unset parametric
)GP";
  return s;
}

/// Write the script and run gnuplot in `dir`. Returns gnuplot's exit status (127: not found).
inline int render_with_gnuplot(const std::string& dir, const FigureWindow& w, std::string& message) {
  {
    std::ofstream gp(dir + "/fig2.gp");
    gp << gnuplot_script(w);
    if (!gp) {
      message = "cannot write " + dir + "/fig2.gp";
      return -1;
    }
  }
  const std::string cmd = "cd '" + dir + "' && gnuplot fig2.gp 2> fig2.gnuplot.log";
  const int rc = std::system(cmd.c_str());
  if (rc != 0) message = "gnuplot failed (exit " + std::to_string(rc) + "); see " + dir + "/fig2.gnuplot.log";
  return rc;
}

}  // namespace paper_fit
