;; The semantic stage's scan: every fact row's dot product with the question (row-dots.ts loads it; its
;; bytes are in row-dots-wasm.ts, made from this file by `npm run wasm` and checked against it by
;; test/semantic/row-dots.test.ts).
;;
;; The sums are those of the JavaScript loop it replaces, to the bit: four running sums in double precision,
;; one per lane (component i goes to sum i mod 4), each float32 product exact in a double, the sums added as
;; (s0 + s1) + (s2 + s3) and rounded once to float32. Two f64x2 sums carry the four lanes, so a row
;; costs about a quarter of the JavaScript loop's time (docs/performance-log.md); the cosines, and so the
;; answers and `npm run train`'s models, do not move.
(module
  (memory (import "env" "memory") 1)
  ;; rows: byte address of `count` rows of 512 float32, one after another.
  ;; question: byte address of the question's 512 components as float64 (promoted once by the caller).
  ;; out: byte address where each row's dot product is written, as float32.
  (func (export "rowDots") (param $rows i32) (param $count i32) (param $question i32) (param $out i32)
    (local $end i32) (local $at i32) (local $q i32) (local $four v128) (local $s01 v128) (local $s23 v128)
    (local.set $end (i32.add (local.get $rows) (i32.mul (local.get $count) (i32.const 2048))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (local.set $s01 (f64x2.splat (f64.const 0)))
        (local.set $s23 (f64x2.splat (f64.const 0)))
        (local.set $at (local.get $rows))
        (local.set $q (local.get $question))
        (loop $components
          (local.set $four (v128.load (local.get $at)))
          (local.set $s01 (f64x2.add (local.get $s01)
            (f64x2.mul (f64x2.promote_low_f32x4 (local.get $four)) (v128.load (local.get $q)))))
          ;; Lanes 2 and 3 moved down, to be promoted in turn.
          (local.set $s23 (f64x2.add (local.get $s23)
            (f64x2.mul
              (f64x2.promote_low_f32x4
                (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $four) (local.get $four)))
              (v128.load offset=16 (local.get $q)))))
          (local.set $q (i32.add (local.get $q) (i32.const 32)))
          (local.set $at (i32.add (local.get $at) (i32.const 16)))
          (br_if $components (i32.lt_u (local.get $at) (i32.add (local.get $rows) (i32.const 2048)))))
        (f32.store (local.get $out)
          (f32.demote_f64
            (f64.add
              (f64.add (f64x2.extract_lane 0 (local.get $s01)) (f64x2.extract_lane 1 (local.get $s01)))
              (f64.add (f64x2.extract_lane 0 (local.get $s23)) (f64x2.extract_lane 1 (local.get $s23))))))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $rows (i32.add (local.get $rows) (i32.const 2048)))
        (br $row))))
)
