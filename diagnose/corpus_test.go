package diagnose_test

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/internal/manifest"
)

// The corpus (testdata/corpus) holds crash loops reported in public
// (GitHub issues and pull requests), each stored in the shape it was
// posted: `kubectl describe` text, a `kubectl get pods` table, partial
// YAML, events, a log excerpt, in any combination. Each file names its
// source, the category the thread settled on (the accepted answer or the
// fix) and, when a log line explains the crash, a piece of that line.
//
// tune/ is what the engine is developed against; holdout/ was frozen
// before the engine was changed and is only measured. fresh/ was
// collected in batches after the evidence-scoring engine was built, each
// measured once as the engine stood (BASELINE.md), then developed against
// like tune/.

var (
	writeReport = flag.Bool("corpus-report", false, "write testdata/corpus/REPORT.md with every case's result")
	reportPath  = flag.String("corpus-report-to", filepath.Join("testdata", "corpus", "REPORT.md"), "where -corpus-report writes (a batch's first measurement goes elsewhere)")
	pasteAll    = flag.Bool("corpus-paste-all", false, "paste every case in every layout (TestCorpusAsOnePaste), not each case in one layout in turn")
)

// corpusSets are the corpus's sets, in the order they were collected.
var corpusSets = []string{"tune", "fresh", "holdout", "round2", "round3", "round4", "round5", "round6", "round7", "round8", "round9", "round10", "round11", "round12", "round13", "round14", "round15", "round16", "round17", "round18", "round19", "round20", "round21", "round22", "round23", "round24", "round25", "round26", "round27", "round28", "round29", "round30", "round31", "round32", "round33", "round34", "round35", "round36", "round37", "round38", "round39", "round40", "round41", "round42", "round43", "round44", "round45", "round46", "round47", "round48", "round49", "round50", "round51", "round52", "round53", "round54", "round55", "round56", "round57", "round58", "round59", "round60", "round61", "round62", "round63", "round64", "round65", "round66", "round67", "round68", "round69", "round70", "round71", "round72", "round73", "round74", "round75", "round76", "round77", "round78", "round79", "round80", "round81", "round82", "round83", "round84", "round85", "round86", "round87", "round88", "round89", "round90", "round91", "round92", "round93", "round94", "round95", "round96", "round97", "round98", "round99", "round100", "round101", "round102", "round103", "round104", "round105", "round106", "round107", "round108", "round109", "round110", "round111", "round112", "round113", "round114", "round115", "round116", "round117", "round118", "round119", "round120", "round121", "round122", "round123", "round124", "round125", "round126", "round127", "round128", "round129", "round130", "round131", "round132", "round133", "round134", "round135", "round136", "round137", "round138", "round139", "round140", "round141", "round142", "round143", "round144", "round145", "round146", "round147", "round148", "round149", "round150", "round151", "round152", "round153", "round154", "round155", "round156", "round157", "round158", "round159", "round160", "round161", "round162", "round163", "round164", "round165", "round166", "round167", "round168", "round169", "round170", "round171", "round172", "round173", "round174", "round175", "round176", "round177", "round178", "round179", "round180", "round181", "round182", "round183", "round184", "round185", "round186", "round187", "round188", "round189", "round190", "round191", "round192", "round193", "round194", "round195", "round196", "round197", "round198", "round199", "round200", "round201", "round202", "round203", "round204", "round205", "round206", "round207", "round208", "round209", "round210", "round211", "round212", "round213", "round214", "round215", "round216", "round217", "round218", "round219", "round220", "round221", "round222", "round223", "round224", "round225", "round226", "round227", "round228", "round229", "round230", "round231", "round232", "round233", "round234", "round235", "round236", "round237", "round238", "round239", "round240", "round241", "round242", "round243", "round244", "round245", "round246", "round247", "round248", "round249", "round250", "round251", "round252", "round253", "round254", "round255", "round256", "round257", "round258", "round259", "round260", "round261", "round262", "round263", "round264", "round265", "round266", "round267", "round268", "round269", "round270", "round271", "round272", "round273", "round274", "round275", "round276", "round277", "round278", "round279", "round280", "round281", "round282", "round283", "round284", "round285", "round286", "round287", "round288", "round289", "round290", "round291", "round292", "round293", "round294", "round295", "round296", "round297", "round298", "round299", "round300", "round301", "round302", "round303", "round304", "round305", "round306", "round307", "round308", "round309", "round310", "round311", "round312", "round313", "round314", "round315", "round316", "round317", "round318", "round319", "round320", "round321", "round322", "round323", "round324", "round325", "round326", "round327", "round328", "round329", "round330", "round331", "round332", "round333", "round334", "round335", "round336", "round337", "round338", "round339", "round340", "round341", "round342", "round343", "round344", "round345", "round346", "round347", "round348", "round349", "round350", "round351", "round352", "round353", "round355", "round356", "round357", "round358", "round359", "round360", "round361", "round362", "round363", "round364", "round365", "round366", "round368", "round369", "round370", "round371", "round372", "round373", "round374", "round375", "round376", "round377", "round378", "round379", "round380", "round381", "round382", "round383", "round384", "round385", "round386", "round387", "round388", "round389", "round390", "round391", "round392", "round393", "round394", "round395", "round396", "round397", "round398", "round399", "round400", "round401", "round402", "round403", "round404", "round405", "round406", "round407", "round408", "round409", "round410", "round411", "round412", "round413", "round414", "round415", "round416", "round417", "round418", "round419", "round420", "round421", "round422", "round423", "round424", "round425", "round426", "round427", "round428", "round429", "round430", "round431", "round432", "round433", "round434", "round435", "round436", "round437", "round438", "round439", "round440", "round441", "round442", "round443", "round444", "round445", "round446", "round447", "round448", "round449", "round450", "round451", "round452", "round453", "round454", "round455", "round456", "round457", "round458", "round459", "round460", "round461", "round462", "round463", "round464", "round465", "round466", "round467", "round468", "round469", "round470", "round471", "round472", "round473", "round474", "round475", "round476", "round477", "round478", "round479", "round480", "round481", "round482", "round483", "round484", "round485", "round486", "round487", "round488", "round489", "round490", "round491", "round492", "round493", "round495", "round496", "round497", "round498", "round499", "round500", "round501", "round502", "round503", "round504", "round505", "round506", "round507", "round508", "round509", "round510", "round511", "round512", "round513", "round514", "round515", "round516", "round517", "round518", "round519", "round520", "round521", "round522", "round523", "round524", "round525", "round526", "round527", "round528", "round529", "round530", "round531", "round532", "round533", "round534", "round535", "round537", "round538", "round539", "round540", "round541", "round542", "round543", "round544", "round545", "round546", "round547", "round548", "round549", "round550", "round552", "round553", "round555", "round556", "round557", "round558", "round560", "round561", "round562", "round563", "round565", "round564", "round566", "round567", "round569", "round568", "round570", "round571", "round572", "round575", "round573", "round576", "round577", "round578", "round580", "round579", "round582", "round581", "round583", "round584", "round585", "round587", "round588", "round589", "round590", "round591", "round592", "round593", "round594", "round595", "round596", "round597", "round599", "round601", "round603", "round602", "round604", "round605", "round606", "round607", "round608", "round610", "round609", "round611", "round616", "round613", "round612", "round614", "round617", "round618", "round621", "round622", "round619", "round620", "round624", "round625", "round623", "round627", "round626", "round629", "round628", "round631", "round636", "round635", "round634", "round633", "round632", "round637", "round638", "round639", "round640", "round643", "round642", "round641", "round645", "round646", "round648", "round649", "round651", "round652", "round656", "round653", "round655", "round654", "round657", "round660", "round658", "round662", "round663", "round664", "round665", "round666", "round670", "round671", "round672", "round673", "round674", "round675", "round676", "round678", "round679", "round680", "round681", "round682", "round685", "round687", "round688", "round689", "round690", "round691", "round692", "round695", "round697", "round699", "round700", "round701", "round702", "round704", "round706", "round705", "round703", "round708", "round709", "round710", "round707", "round711", "round714", "round715", "round712", "round717", "round716", "round719", "round718", "round720", "round721", "round722", "round724", "round723", "round727", "round728", "round726", "round725", "round730", "round729", "round731", "round733", "round737", "round738", "round739", "round740", "round741", "round742", "round743", "round744", "round745", "round746", "round747", "round748", "round749", "round750", "round751", "round752", "round753", "round754", "round755", "round756", "round757", "round758", "round759", "round760", "round761", "round762", "round763", "round764", "round765", "round766", "round767", "round768", "round769", "round770", "round771", "round772", "round773"}

// corpusFloors are the accuracies the engine must not fall below (per
// set: category right, explaining log line quoted). They are what the
// engine measured when the floors were last raised.
var corpusFloors = map[string][2]float64{
	"tune":     {1, 1},
	"holdout":  {1, 1},
	"fresh":    {1, 1},
	"round2":   {0.97, 1},
	"round3":   {0.84, 1},
	"round4":   {0.98, 1},
	"round5":   {0.6, 1},     // measured once after round 4, never developed against
	"round6":   {0.94, 1},    // batch 1 44/56, batch 2 8/15, batch 3 10/15, batch 4 5/5 (2/5 quoted), batch 5 1/3 when first measured (BASELINE_ROUND6.md)
	"round7":   {0.98, 1},    // batch 1 34/41, batch 2 11/14, batch 3 7/10, batch 4 5/7, batch 5 2/5, batch 6 5/6, batch 7 2/4 when first measured (BASELINE_ROUND7.md)
	"round8":   {0.95, 1},    // batch 1 29/43, batch 2 3/4 when first measured (BASELINE_ROUND8.md)
	"round9":   {0.91, 1},    // batch 1 20/35 (18/27 quoted) when first measured (BASELINE_ROUND9.md)
	"round10":  {0.97, 1},    // batch 1 25/40 (18/22 quoted), batch 2 1/5 (2/2) when first measured (BASELINE_ROUND10.md)
	"round11":  {0.96, 0.96}, // held out: 38/50 (25/29 quoted) when measured once after all other tuning (BASELINE_ROUND11.md), then developed against
	"round12":  {0.93, 1},    // held out: 37/45 (21/24 quoted) when measured once after all other tuning (BASELINE_ROUND12.md), then developed against
	"round13":  {0.88, 0.95}, // held out: 22/35 (19/23 quoted) when measured once after all other tuning (BASELINE_ROUND13.md), then developed against
	"round14":  {0.83, 0.81}, // held out: 18/31 (16/22 quoted) when measured once after all other tuning (BASELINE_ROUND14.md), then developed against
	"round15":  {0.85, 1},    // held out: 19/34 (11/11 quoted) when measured once after all other tuning (BASELINE_ROUND15.md), then developed against
	"round16":  {0.78, 1},    // held out: 18/23 (8/12 quoted), measured once at the end of session 4 (BASELINE_ROUND16.md); its misses read in session 5
	"round17":  {0.77, 1},    // held out: 20/27 (14/17 quoted) when measured once after all other tuning (BASELINE_ROUND17.md), then developed against
	"round18":  {0.72, 0.88}, // held out: 7/22 (7/9 quoted) when measured once after all other tuning (BASELINE_ROUND18.md), then developed against
	"round19":  {0.88, 1},    // held out: 19/27 (9/9 quoted) when measured once after all other tuning (BASELINE_ROUND19.md), then developed against
	"round20":  {0.93, 0.85}, // held out: 9/16 (6/7 quoted) when measured once after all other tuning (BASELINE_ROUND20.md), then developed against
	"round21":  {0.95, 1},    // held out: 18/24 (9/9 quoted) when measured once after all other tuning (BASELINE_ROUND21.md), then developed against
	"round22":  {0.87, 1},    // held out: 9/16 (6/6 quoted) when measured once after all other tuning (BASELINE_ROUND22.md), then developed against
	"round23":  {0.82, 1},    // held out: 14/17 (7/7 quoted) when measured once after all other tuning (BASELINE_ROUND23.md), then developed against
	"round24":  {1.00, 0.96}, // held out: 31/38 (20/26 quoted) when measured once after all other tuning (BASELINE_ROUND24.md), then developed against
	"round25":  {0.78, 0.93}, // held out: 20/28 (11/15 quoted) when measured once after all other tuning (BASELINE_ROUND25.md), then developed against
	"round26":  {0.91, 0.86}, // held out: 25/36 (15/23 quoted) when measured once after all other tuning (BASELINE_ROUND26.md), then developed against
	"round27":  {1.00, 0.87}, // held out: 19/22 (6/8 quoted) when measured once after all other tuning (BASELINE_ROUND27.md), then developed against
	"round28":  {0.84, 0.85}, // held out: 8/13 (4/7 quoted) when measured once after all other tuning (BASELINE_ROUND28.md), then developed against
	"round29":  {0.82, 0.95}, // held out: 26/35 (16/22 quoted) when measured once after all other tuning (BASELINE_ROUND29.md), then developed against
	"round30":  {0.91, 1.00}, // held out: 19/24 (13/16 quoted) when measured once after all other tuning (BASELINE_ROUND30.md), then developed against
	"round31":  {0.84, 1},    // held out: 22/32 (18/20 quoted) when measured once after all other tuning (BASELINE_ROUND31.md), then developed against
	"round32":  {0.8, 1},     // held out: 16/25 (6/8 quoted) when measured once after all other tuning (BASELINE_ROUND32.md), then developed against; 0.84 until session 12 read quotes escaped in JSON, when the octopus report's `exec: \"./install.sh\": permission denied` joined the corpus's convention for a script that cannot run (command_not_found; this report says permission_denied)
	"round33":  {0.72, 1},    // held out: 13/22 (6/7 quoted) when measured once after all other tuning (BASELINE_ROUND33.md), then developed against
	"round34":  {0.64, 1},    // held out: 16/25 (9/10 quoted) when measured once after all other tuning (BASELINE_ROUND34.md), then developed against
	"round35":  {0.73, 0.94}, // held out: 17/30 (15/18 quoted) when measured once after all other tuning (BASELINE_ROUND35.md), then developed against
	"round36":  {0.90, 0.90}, // held out: 13/20 (8/11 quoted) when measured once after all other tuning (BASELINE_ROUND36.md), then developed against
	"round37":  {0.94, 0.91}, // held out: 11/18 (7/12 quoted) when measured once after all other tuning (BASELINE_ROUND37.md), then developed against
	"round38":  {0.84, 1},    // held out: 9/13 (2/5 quoted) when measured once after all other tuning (BASELINE_ROUND38.md), then developed against
	"round39":  {0.82, 0.83}, // held out: 11/17 (5/6 quoted) when measured once after all other tuning (BASELINE_ROUND39.md), then developed against
	"round40":  {0.88, 1},    // held out: 22/25 (17/17 quoted) when measured once with this session's general rules (BASELINE_ROUND40.md), then developed against
	"round41":  {0.85, 1.00}, // held out: 22/28 (11/11 quoted) when measured once with this session's general rules (BASELINE_ROUND41.md), then developed against
	"round42":  {0.86, 1},    // held out: 17/22 (9/11 quoted) when measured once with this session's general rules (BASELINE_ROUND42.md), then developed against
	"round43":  {0.84, 1},    // held out: 22/26 (14/14 quoted) when measured once (BASELINE_ROUND43.md), then developed against
	"round44":  {0.66, 1},    // held out: 11/18 (6/6 quoted) when measured once (BASELINE_ROUND44.md), then developed against; 0.72 until session 20, when RabbitMQ's wait for its peers' Mnesia tables was read as rounds 327 and 419 label it (dependency_unavailable), and this set's stale-PVC report of it (labelled config_error) was lost
	"round45":  {0.81, 0.88}, // held out: 14/22 (8/9 quoted) when measured once (BASELINE_ROUND45.md), then developed against
	"round46":  {0.92, 0.85}, // held out: 12/14 (6/7 quoted) when measured once (BASELINE_ROUND46.md), then developed against
	"round47":  {0.8, 1},     // held out: 19/26 (11/11 quoted) when measured once (BASELINE_ROUND47.md), then developed against
	"round48":  {0.66, 1.00}, // held out: 13/27 (12/12 quoted) when measured once (BASELINE_ROUND48.md), then developed against
	"round49":  {0.9, 1},     // held out: 25/30 (17/18 quoted) when measured once (BASELINE_ROUND49.md), then developed against
	"round50":  {0.83, 1.00}, // held out: 16/24 (15/17 quoted) when measured once (BASELINE_ROUND50.md), then developed against
	"round51":  {0.78, 1},    // held out: 16/23 (12/13 quoted) when measured once (BASELINE_ROUND51.md), then developed against
	"round52":  {0.96, 0.95}, // held out: 29/33 (22/24 quoted) when measured once (BASELINE_ROUND52.md), then developed against
	"round53":  {0.61, 0.90}, // held out: 14/26 (16/20 quoted) when measured once (BASELINE_ROUND53.md), then developed against
	"round54":  {0.81, 1},    // held out: 12/16 (4/5 quoted) when measured once (BASELINE_ROUND54.md), then developed against
	"round55":  {0.86, 0.85}, // held out: 23/30 (11/14 quoted) when measured once (BASELINE_ROUND55.md), then developed against
	"round56":  {0.92, 1.00}, // held out: 22/27 (11/12 quoted) when measured once (BASELINE_ROUND56.md), then developed against
	"round57":  {0.88, 0.94}, // held out: 21/25 (17/18 quoted) when measured once (BASELINE_ROUND57.md), then developed against
	"round58":  {0.83, 0.8},  // held out: 17/24 (8/10 quoted) when measured once (BASELINE_ROUND58.md), then developed against
	"round59":  {0.92, 0.87}, // held out: 19/26 (14/16 quoted) when measured once (BASELINE_ROUND59.md), then developed against
	"round60":  {0.81, 1},    // held out: 12/16 (6/6 quoted) when measured once (BASELINE_ROUND60.md), then developed against
	"round61":  {0.82, 1},    // held out: 19/23 (9/9 quoted) when measured once (BASELINE_ROUND61.md)
	"round62":  {0.88, 1.00}, // held out: 22/26 (9/9 quoted) when measured once (BASELINE_ROUND62.md)
	"round63":  {0.81, 1},    // held out: 17/22 (7/7 quoted) when measured once (BASELINE_ROUND63.md), then developed against
	"round64":  {0.88, 0.95}, // held out: 30/34 (19/20 quoted) when measured once (BASELINE_ROUND64.md)
	"round65":  {0.80, 0.88}, // held out: 20/26 (16/18 quoted) when measured once (BASELINE_ROUND65.md)
	"round66":  {0.93, 0.91}, // held out: 25/31 (20/24 quoted) when measured once (BASELINE_ROUND66.md), then developed against
	"round67":  {0.78, 0.90}, // held out: 10/14 (9/10 quoted) when measured once (BASELINE_ROUND67.md)
	"round68":  {0.73, 0.87}, // held out: 10/15 (7/8 quoted) when measured once (BASELINE_ROUND68.md)
	"round69":  {0.85, 0.80}, // held out: 15/20 (3/5 quoted) when measured once (BASELINE_ROUND69.md), then developed against
	"round70":  {0.94, 1},    // held out: 34/37 (2/2 quoted) when measured once (BASELINE_ROUND70.md)
	"round71":  {0.94, 0.87}, // held out: 18/19 (7/8 quoted) when measured once (BASELINE_ROUND71.md)
	"round72":  {0.78, 1},    // held out: 10/14 (5/5 quoted) when measured once (BASELINE_ROUND72.md), then developed against
	"round73":  {0.93, 0.95}, // held out: 23/30 (20/22 quoted) when measured once (BASELINE_ROUND73.md), then developed against
	"round74":  {0.75, 1.00}, // held out: 17/24 (6/7 quoted) when measured once (BASELINE_ROUND74.md)
	"round75":  {0.93, 0.88}, // held out: 26/29 (8/9 quoted) when measured once (BASELINE_ROUND75.md)
	"round76":  {0.78, 1},    // held out: 10/14 (7/7 quoted) when measured once (BASELINE_ROUND76.md)
	"round77":  {0.71, 1},    // held out: 14/21 (11/11 quoted) when measured once (BASELINE_ROUND77.md), then developed against
	"round78":  {0.93, 1},    // held out: 14/15 (8/8 quoted) when measured once (BASELINE_ROUND78.md)
	"round79":  {0.95, 1},    // held out: 18/23 (18/18 quoted) when measured once (BASELINE_ROUND79.md), then developed against
	"round80":  {0.68, 1.00}, // held out: 12/19 (10/10 quoted) when measured once (BASELINE_ROUND80.md)
	"round81":  {0.75, 1},    // held out: 3/4 (no log line to quote) when measured once (BASELINE_ROUND81.md)
	"round82":  {0.80, 0.75}, // held out: 16/26 (9/12 quoted) when measured once (BASELINE_ROUND82.md), then developed against
	"round83":  {0.68, 1},    // held out: 11/16 (10/10 quoted) when measured once (BASELINE_ROUND83.md)
	"round84":  {1, 1},       // held out: 2/2 (2/2 quoted) when measured once (BASELINE_ROUND84.md)
	"round85":  {0.95, 1},    // held out: 18/20 (13/13 quoted) when measured once (BASELINE_ROUND85.md), then developed against
	"round86":  {0.9, 1},     // held out: 9/10 (5/5 quoted) when measured once (BASELINE_ROUND86.md)
	"round87":  {0.92, 1},    // held out: 11/13 (4/4 quoted) when measured once (BASELINE_ROUND87.md), then developed against
	"round88":  {0.83, 1},    // held out: 10/12 (9/9 quoted) when measured once (BASELINE_ROUND88.md)
	"round89":  {0.66, 0.83}, // held out: 8/15 (5/6 quoted) when measured once (BASELINE_ROUND89.md), then developed against
	"round90":  {0.84, 0.93}, // held out: 16/19 (14/16 quoted) when measured once (BASELINE_ROUND90.md), then developed against
	"round91":  {0.86, 0.80}, // held out: 13/15 (7/10 quoted) when measured once (BASELINE_ROUND91.md)
	"round92":  {0.72, 1},    // held out: 5/11 (1/1 quoted) when measured once (BASELINE_ROUND92.md), then developed against
	"round93":  {0.6, 1},     // held out: 3/5 (4/4 quoted) when measured once (BASELINE_ROUND93.md)
	"round94":  {1, 1},       // held out: 6/7 (6/6 quoted) when measured once (BASELINE_ROUND94.md)
	"round95":  {1, 1},       // held out: 6/6 (2/2 quoted) when measured once (BASELINE_ROUND95.md)
	"round96":  {0.72, 1},    // held out: 7/11 (2/3 quoted) when measured once (BASELINE_ROUND96.md), then developed against
	"round97":  {0.5, 1},     // held out: 4/10 (3/3 quoted) when measured once (BASELINE_ROUND97.md), then developed against
	"round98":  {1, 1},       // held out: 13/15 (9/12 quoted) when measured once (BASELINE_ROUND98.md), then developed against
	"round99":  {1, 1},       // held out: 8/8 (6/6 quoted) when measured once (BASELINE_ROUND99.md)
	"round100": {1.00, 1.00}, // held out: 19/23 (13/13 quoted) when measured once (BASELINE_ROUND100.md), then developed against
	"round101": {1, 1},       // held out: 5/10 (4/5 quoted) when measured once (BASELINE_ROUND101.md), then developed against
	"round102": {0.54, 1},    // held out: 6/11 (8/9 quoted) when measured once (BASELINE_ROUND102.md)
	"round103": {0.83, 1.00}, // held out: 4/6 (3/3 quoted) when measured once (BASELINE_ROUND103.md)
	"round104": {0.75, 1},    // held out: 3/4 (2/3 quoted) when measured once (BASELINE_ROUND104.md)
	"round105": {0.66, 1},    // held out: 7/12 (5/5 quoted) when measured once (BASELINE_ROUND105.md), then developed against
	"round106": {0.8, 1},     // held out: 8/10 (5/6 quoted) when measured once (BASELINE_ROUND106.md), then developed against
	"round107": {0.91, 0.5},  // held out: 9/12 (2/4 quoted) when measured once (BASELINE_ROUND107.md), then developed against
	"round108": {1, 1},       // held out: 6/7 (5/7 quoted) when measured once (BASELINE_ROUND108.md), then developed against
	"round109": {0.75, 0.83}, // held out: 7/12 (4/6 quoted) when measured once (BASELINE_ROUND109.md), then developed against
	"round110": {0.75, 1},    // held out: 9/12 (5/6 quoted) when measured once (BASELINE_ROUND110.md), then developed against
	"round111": {0.75, 1},    // held out: 6/8 (3/3 quoted) when measured once (BASELINE_ROUND111.md), then developed against
	"round112": {0.80, 1.00}, // held out: 7/10 (5/6 quoted) when measured once (BASELINE_ROUND112.md), then developed against
	"round113": {0.88, 1},    // held out: 3/9 (4/4 quoted) when measured once (BASELINE_ROUND113.md), then developed against
	"round114": {0.94, 1},    // held out: 16/18 (11/11 quoted) when measured once (BASELINE_ROUND114.md), then developed against
	"round115": {0.66, 0.66}, // held out: 6/9 (2/3 quoted) when measured once (BASELINE_ROUND115.md), then developed against
	"round116": {0.72, 1},    // held out: 8/11 (6/7 quoted) when measured once (BASELINE_ROUND116.md), then developed against
	"round117": {0.76, 1},    // held out: 9/13 (9/9 quoted) when measured once (BASELINE_ROUND117.md), then developed against
	"round118": {0.5, 1},     // held out: 4/8 (3/5 quoted) when measured once (BASELINE_ROUND118.md), then developed against
	"round119": {0.58, 1},    // held out: 5/12 (5/5 quoted) when measured once (BASELINE_ROUND119.md), then developed against
	"round120": {0.7, 1},     // held out: 7/10 (7/8 quoted) when measured once (BASELINE_ROUND120.md), then developed against
	"round121": {0.88, 1.00}, // held out: 7/9 (5/5 quoted) when measured once (BASELINE_ROUND121.md), then developed against
	"round122": {0.75, 1},    // held out: 6/12 (6/7 quoted) when measured once (BASELINE_ROUND122.md), then developed against
	"round123": {1, 1},       // held out: 9/11 (7/7 quoted) when measured once (BASELINE_ROUND123.md), then developed against
	"round124": {1, 1},       // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND124.md), then developed against
	"round125": {0.8, 1},     // held out: 7/10 (8/8 quoted) when measured once (BASELINE_ROUND125.md), then developed against
	"round126": {0.87, 1},    // held out: 6/8 (3/4 quoted) when measured once (BASELINE_ROUND126.md), then developed against
	"round127": {0.7, 0.71},  // held out: 6/10 (5/7 quoted) when measured once (BASELINE_ROUND127.md), then developed against
	"round128": {0.83, 1},    // held out: 7/12 (3/3 quoted) when measured once (BASELINE_ROUND128.md), then developed against
	"round129": {0.8, 1},     // held out: 17/21 (6/7 quoted) when measured once (BASELINE_ROUND129.md), then developed against
	"round130": {0.85, 0.66}, // held out: 6/7 (2/3 quoted) when measured once (BASELINE_ROUND130.md), then developed against
	"round131": {1, 1},       // held out: 7/7 (no log line to quote) when measured once (BASELINE_ROUND131.md), then developed against
	"round132": {0.6, 1},     // held out: 1/5 (3/4 quoted) when measured once (BASELINE_ROUND132.md), then developed against
	"round133": {0.77, 1},    // held out: 6/9 (7/7 quoted) when measured once (BASELINE_ROUND133.md), then developed against
	"round134": {1.00, 0.60}, // held out: 4/5 (3/5 quoted) when measured once (BASELINE_ROUND134.md), then developed against
	"round135": {0.92, 1},    // held out: 12/13 (7/7 quoted) when measured once (BASELINE_ROUND135.md), then developed against
	"round136": {1, 0.75},    // held out: 9/10 (3/4 quoted) when measured once (BASELINE_ROUND136.md), then developed against
	"round137": {0.75, 0.83}, // held out: 7/16 (4/6 quoted) when measured once (BASELINE_ROUND137.md), then developed against
	"round138": {1, 1},       // held out: 4/6 (6/6 quoted) when measured once (BASELINE_ROUND138.md), then developed against
	"round139": {0.83, 1},    // held out: 9/12 (4/5 quoted) when measured once (BASELINE_ROUND139.md), then developed against
	"round140": {1.00, 1.00}, // held out: 2/3 (3/3 quoted) when measured once (BASELINE_ROUND140.md), then developed against
	"round141": {1, 1},       // held out: 6/7 (6/6 quoted) when measured once (BASELINE_ROUND141.md), then developed against
	"round142": {1, 1},       // held out: 4/4 (4/4 quoted) when measured once (BASELINE_ROUND142.md), then developed against
	"round143": {1.00, 1.00}, // held out: 5/7 (2/2 quoted) when measured once (BASELINE_ROUND143.md), then developed against
	"round144": {0.8, 1},     // held out: 4/5 (3/4 quoted) when measured once (BASELINE_ROUND144.md), then developed against
	"round145": {0.66, 1},    // held out: 2/3 (1/3 quoted) when measured once (BASELINE_ROUND145.md), then developed against
	"round146": {0.81, 1},    // held out: 9/11 (8/8 quoted) when measured once (BASELINE_ROUND146.md), then developed against
	"round147": {0.50, 1.00}, // held out: 8/18 (6/7 quoted) when measured once (BASELINE_ROUND147.md), then developed against
	"round148": {0.69, 1.00}, // held out: 6/13 (3/3 quoted) when measured once (BASELINE_ROUND148.md), then developed against
	"round149": {1, 1},       // held out: 9/9 (2/2 quoted) when measured once (BASELINE_ROUND149.md), then developed against
	"round150": {0.71, 1},    // held out: 4/7 (6/7 quoted) when measured once (BASELINE_ROUND150.md), then developed against
	"round151": {0.72, 1},    // held out: 21/29 (15/16 quoted) when measured once (BASELINE_ROUND151.md), then developed against
	"round152": {0.77, 0.85}, // held out: 6/9 (5/7 quoted) when measured once (BASELINE_ROUND152.md), then developed against
	"round153": {0.94, 0.9},  // held out: 14/17 (10/11 quoted) when measured once (BASELINE_ROUND153.md), then developed against
	"round154": {0.9, 1},     // held out: 18/21 (no log line to quote) when measured once (BASELINE_ROUND154.md), then developed against
	"round155": {0.95, 1},    // held out: 22/23 (1/1 quoted) when measured once (BASELINE_ROUND155.md), then developed against
	"round156": {0.55, 1},    // held out: 5/9 (2/2 quoted) when measured once (BASELINE_ROUND156.md), then developed against
	"round157": {0.93, 1.00}, // held out: 13/15 (8/8 quoted) when measured once (BASELINE_ROUND157.md), then developed against
	"round158": {0.9, 1},     // held out: 10/11 (8/8 quoted) when measured once (BASELINE_ROUND158.md), then developed against
	"round159": {0.86, 1},    // held out: 22/29 (no log line to quote) when measured once (BASELINE_ROUND159.md), then developed against
	"round160": {0.93, 1},    // held out: 14/16 (11/11 quoted) when measured once (BASELINE_ROUND160.md), then developed against
	"round161": {0.87, 1},    // held out: 7/8 (4/4 quoted) when measured once (BASELINE_ROUND161.md), then developed against
	"round162": {0.5, 1},     // held out: 3/6 (3/3 quoted) when measured once (BASELINE_ROUND162.md)
	"round163": {0.95, 1},    // held out: 13/20 (10/12 quoted) when measured once (BASELINE_ROUND163.md), then developed against
	"round164": {1, 1},       // held out: 9/11 (7/8 quoted) when measured once (BASELINE_ROUND164.md), then developed against
	"round165": {1, 1},       // held out: 8/11 (7/7 quoted) when measured once (BASELINE_ROUND165.md), then developed against
	"round166": {0.66, 1},    // held out: 6/9 (5/5 quoted) when measured once (BASELINE_ROUND166.md), then developed against
	"round167": {0.71, 1},    // held out: 4/7 (5/6 quoted) when measured once (BASELINE_ROUND167.md), then developed against
	"round168": {0.85, 0.60}, // held out: 4/14 (2/5 quoted) when measured once (BASELINE_ROUND168.md), then developed against
	"round169": {0.92, 0.9},  // held out: 10/13 (10/11 quoted) when measured once (BASELINE_ROUND169.md), then developed against
	"round170": {1, 1},       // held out: 15/16 (8/8 quoted) when measured once (BASELINE_ROUND170.md), then developed against
	"round171": {0.72, 1},    // held out: 7/11 (8/9 quoted) when measured once (BASELINE_ROUND171.md), then developed against
	"round172": {0.93, 1},    // held out: 15/16 (15/15 quoted) when measured once (BASELINE_ROUND172.md), then developed against
	"round173": {1, 1},       // held out: 11/14 (12/12 quoted) when measured once (BASELINE_ROUND173.md), then developed against
	"round174": {0.94, 0.92}, // held out: 16/17 (12/13 quoted) when measured once (BASELINE_ROUND174.md), then developed against
	"round175": {0.88, 1},    // held out: 6/9 (5/6 quoted) when measured once (BASELINE_ROUND175.md), then developed against
	"round176": {1, 0.92},    // held out: 17/17 (12/13 quoted) when measured once (BASELINE_ROUND176.md), then developed against
	"round177": {0.87, 0.9},  // held out: 13/16 (9/10 quoted) when measured once (BASELINE_ROUND177.md), then developed against
	"round178": {0.87, 1},    // held out: 6/8 (5/5 quoted) when measured once (BASELINE_ROUND178.md), then developed against
	"round179": {1, 1},       // held out: 16/17 (7/7 quoted) when measured once (BASELINE_ROUND179.md), then developed against
	"round180": {0.76, 1},    // held out: 8/13 (11/11 quoted) when measured once (BASELINE_ROUND180.md), then developed against
	"round181": {1, 1},       // held out: 15/15 (10/14 quoted) when measured once (BASELINE_ROUND181.md), then developed against
	"round182": {0.6, 1},     // held out: 5/10 (5/5 quoted) when measured once (BASELINE_ROUND182.md), then developed against
	"round183": {0.90, 0.66}, // held out: 8/10 (4/6 quoted) when measured once (BASELINE_ROUND183.md), then developed against
	"round184": {0.92, 0.81}, // held out: 12/13 (6/11 quoted) when measured once (BASELINE_ROUND184.md), then developed against
	"round185": {0.81, 1},    // held out: 6/11 (8/8 quoted) when measured once (BASELINE_ROUND185.md), then developed against
	"round186": {0.92, 1.00}, // held out: 10/14 (9/9 quoted) when measured once (BASELINE_ROUND186.md), then developed against
	"round187": {1, 1},       // held out: 9/9 (3/5 quoted) when measured once (BASELINE_ROUND187.md), then developed against
	"round188": {0.66, 1},    // held out: 2/3 (1/1 quoted) when measured once (BASELINE_ROUND188.md); nothing in it was a fault or a wording
	"round189": {0.85, 1},    // held out: 5/7 (0/0 quoted) when measured once (BASELINE_ROUND189.md), then developed against
	"round190": {0.59, 1},    // held out: 11/22 (12/12 quoted) when measured once (BASELINE_ROUND190.md), then developed against
	"round191": {0.71, 1},    // held out: 5/7 (7/7 quoted) when measured once (BASELINE_ROUND191.md), nothing in it was a fault or a wording fixed since
	"round192": {1, 1},       // held out: 8/8 (6/6 quoted) when measured once (BASELINE_ROUND192.md): all right
	"round193": {1.00, 1.00}, // held out: 6/7 (6/6 quoted) when measured once (BASELINE_ROUND193.md), nothing in it was a fault or a wording fixed since
	"round194": {1, 1},       // held out: 5/7 (4/4 quoted) when measured once (BASELINE_ROUND194.md), then developed against
	"round195": {0.8, 1},     // held out: 4/5 (3/3 quoted) when measured once (BASELINE_ROUND195.md), nothing in it was a fault or a wording fixed since
	"round196": {0.88, 1},    // held out: 6/9 (4/4 quoted) when measured once (BASELINE_ROUND196.md), then developed against
	"round197": {0.76, 1},    // held out: 9/13 (5/6 quoted) when measured once (BASELINE_ROUND197.md), then developed against
	"round198": {1, 1},       // held out: 2/2 (2/2 quoted) when measured once (BASELINE_ROUND198.md), all right
	"round199": {0.81, 1},    // held out: 13/16 (9/10 quoted) when measured once (BASELINE_ROUND199.md), then developed against
	"round200": {0.91, 1},    // held out: 21/23 (9/11 quoted) when measured once (BASELINE_ROUND200.md), then developed against
	"round201": {0.57, 1},    // held out: 4/7 (3/3 quoted) when measured once (BASELINE_ROUND201.md), nothing in it was a fault or a wording fixed since
	"round202": {0.78, 1},    // held out: 10/14 (5/5 quoted) when measured once (BASELINE_ROUND202.md), then developed against
	"round203": {0.78, 1},    // held out: 8/14 (0/3 quoted) when measured once (BASELINE_ROUND203.md), then developed against
	"round204": {0.61, 1},    // held out: 8/13 (5/6 quoted) when measured once (BASELINE_ROUND204.md), then developed against
	"round205": {0.77, 1},    // held out: 13/18 (9/10 quoted) when measured once (BASELINE_ROUND205.md), then developed against
	"round206": {1, 1},       // held out: 7/8 (7/7 quoted) when measured once (BASELINE_ROUND206.md), then developed against
	"round207": {1, 1},       // held out: 6/6 (5/5 quoted) when measured once (BASELINE_ROUND207.md), all right
	"round208": {0.81, 0.85}, // held out: 8/11 (6/7 quoted) when measured once (BASELINE_ROUND208.md), then developed against
	"round209": {1, 1},       // held out: 10/12 (10/11 quoted) when measured once (BASELINE_ROUND209.md), then developed against
	"round210": {1, 1},       // held out: 11/12 (7/7 quoted) when measured once (BASELINE_ROUND210.md), then developed against
	"round211": {0.9, 0.66},  // held out: 9/10 (2/3 quoted) when measured once (BASELINE_ROUND211.md), nothing in it was a fault or a wording fixed since
	"round212": {0.75, 1},    // held out: 9/12 (6/6 quoted) when measured once (BASELINE_ROUND212.md), nothing in it was a fault or a wording fixed since
	"round213": {0.75, 1},    // held out: 6/8 (2/2 quoted) when measured once (BASELINE_ROUND213.md), nothing in it was a fault or a wording fixed since
	"round214": {1, 0.5},     // held out: 7/7 (2/4 quoted) when measured once (BASELINE_ROUND214.md), every category right
	"round215": {1, 0.8},     // held out: 6/6 (4/5 quoted) when measured once (BASELINE_ROUND215.md), every category right
	"round216": {0.9, 1},     // held out: 9/10 (8/8 quoted) when measured once (BASELINE_ROUND216.md), nothing in it was a fault or a wording fixed since
	"round217": {0.85, 1},    // held out: 5/7 (6/7 quoted) when measured once (BASELINE_ROUND217.md), then developed against
	"round218": {0.85, 1},    // held out: 6/7 (5/5 quoted) when measured once (BASELINE_ROUND218.md), then developed against
	"round219": {1, 1},       // held out: 5/5 (5/5 quoted) when measured once (BASELINE_ROUND219.md), then developed against
	"round220": {0.91, 1.00}, // held out: 10/12 (6/6 quoted) when measured once (BASELINE_ROUND220.md), then developed against
	"round221": {0.57, 0.7},  // held out: 7/14 (7/10 quoted) when measured once (BASELINE_ROUND221.md), then developed against
	"round222": {0.86, 1},    // held out: 12/15 (11/11 quoted) when measured once (BASELINE_ROUND222.md), then developed against
	"round223": {1, 1},       // held out: 4/4 (2/2 quoted) when measured once (BASELINE_ROUND223.md), then developed against
	"round224": {0.77, 1},    // held out: 3/9 (6/7 quoted) when measured once (BASELINE_ROUND224.md), then developed against
	"round225": {0.89, 0.87}, // held out: 15/19 (7/8 quoted) when measured once (BASELINE_ROUND225.md), then developed against
	"round226": {0.88, 1},    // held out: 8/9 (8/8 quoted) when measured once (BASELINE_ROUND226.md), then developed against
	"round227": {0.66, 1},    // held out: 6/9 (7/7 quoted) when measured once (BASELINE_ROUND227.md), then developed against
	"round228": {0.5, 0.66},  // held out: 2/4 (2/3 quoted) when measured once (BASELINE_ROUND228.md), then developed against
	"round229": {1, 1},       // held out: 5/5 (4/4 quoted) when measured once (BASELINE_ROUND229.md), then developed against
	"round230": {0.8, 1},     // held out: 3/5 (3/4 quoted) when measured once (BASELINE_ROUND230.md), then developed against
	"round231": {0.90, 1.00}, // held out: 10/11 (5/6 quoted) when measured once (BASELINE_ROUND231.md), then developed against
	"round232": {0.85, 0.66}, // held out: 6/7 (1/3 quoted) when measured once (BASELINE_ROUND232.md), then developed against
	"round233": {0.91, 0.77}, // held out: 11/12 (7/9 quoted) when measured once (BASELINE_ROUND233.md), then developed against
	"round234": {1, 1},       // held out: 8/9 (8/8 quoted) when measured once (BASELINE_ROUND234.md), then developed against
	"round235": {0.93, 1.00}, // held out: 11/15 (12/12 quoted) when measured once (BASELINE_ROUND235.md), then developed against
	"round236": {1, 1},       // held out: 7/7 (1/1 quoted) when measured once (BASELINE_ROUND236.md), then developed against
	"round237": {0.75, 1},    // held out: 3/4 (0/0 quoted) when measured once (BASELINE_ROUND237.md), then developed against
	"round238": {0.69, 1},    // held out: 7/13 (8/8 quoted) when measured once (BASELINE_ROUND238.md), then developed against
	"round239": {0.76, 0.77}, // held out: 15/21 (7/9 quoted) when measured once (BASELINE_ROUND239.md), then developed against
	"round240": {0.83, 0.87}, // held out: 10/12 (7/8 quoted) when measured once (BASELINE_ROUND240.md), then developed against
	"round241": {0.75, 0.75}, // held out: 4/8 (2/4 quoted) when measured once (BASELINE_ROUND241.md), then developed against
	"round242": {0.5, 1},     // held out: 2/4 (2/2 quoted) when measured once (BASELINE_ROUND242.md), then developed against
	"round243": {1, 1},       // held out: 4/6 (3/4 quoted) when measured once (BASELINE_ROUND243.md), then developed against
	"round244": {1, 1},       // held out: 5/5 (4/4 quoted) when measured once (BASELINE_ROUND244.md), then developed against
	"round245": {0.9, 1},     // held out: 8/10 (4/6 quoted) when measured once (BASELINE_ROUND245.md), then developed against
	"round246": {1, 1},       // held out: 4/4 (1/1 quoted) when measured once (BASELINE_ROUND246.md), then developed against
	"round247": {0.9, 1},     // held out: 10/11 (6/6 quoted) when measured once (BASELINE_ROUND247.md), then developed against
	"round248": {1, 1},       // held out: 5/5 (2/2 quoted) when measured once (BASELINE_ROUND248.md), then developed against
	"round249": {1, 0.8},     // held out: 8/8 (4/5 quoted) when measured once (BASELINE_ROUND249.md), then developed against
	"round250": {1, 0.66},    // held out: 3/4 (2/3 quoted) when measured once (BASELINE_ROUND250.md), then developed against
	"round251": {0.92, 0.83}, // held out: 11/13 (5/6 quoted) when measured once (BASELINE_ROUND251.md), then developed against
	"round252": {1, 1},       // held out: 7/7 (3/3 quoted) when measured once (BASELINE_ROUND252.md), then developed against
	"round253": {1, 1},       // held out: 14/15 (2/2 quoted) when measured once (BASELINE_ROUND253.md), then developed against
	"round254": {1, 1},       // held out: 2/2 (2/2 quoted) when measured once (BASELINE_ROUND254.md), then developed against
	"round255": {1, 1},       // held out: 9/10 (7/7 quoted) when measured once (BASELINE_ROUND255.md), then developed against
	"round256": {0.5, 1},     // held out: 2/4 (1/1 quoted) when measured once (BASELINE_ROUND256.md), then developed against
	"round257": {1, 1},       // held out: 4/5 (1/1 quoted) when measured once (BASELINE_ROUND257.md), then developed against
	"round258": {0.85, 1},    // held out: 4/7 (6/6 quoted) when measured once (BASELINE_ROUND258.md), then developed against
	"round259": {0, 1},       // held out: 0/1 (1/1 quoted) when measured once (BASELINE_ROUND259.md), then developed against
	"round260": {1, 1},       // held out: 14/15 (14/15 quoted) when measured once (BASELINE_ROUND260.md), then developed against
	"round261": {0.8, 1},     // held out: 4/5 (1/2 quoted) when measured once (BASELINE_ROUND261.md), then developed against
	"round262": {0.9, 1},     // held out: 5/10 (7/8 quoted) when measured once (BASELINE_ROUND262.md), then developed against
	"round263": {0.77, 1},    // held out: 3/9 (0/0 quoted) when measured once (BASELINE_ROUND263.md), then developed against
	"round264": {0.75, 0.75}, // held out: 5/8 (3/4 quoted) when measured once (BASELINE_ROUND264.md), then developed against
	"round265": {0.83, 1},    // held out: 5/6 (4/4 quoted) when measured once (BASELINE_ROUND265.md), then developed against
	"round266": {0.85, 0.83}, // held out: 6/7 (5/6 quoted) when measured once (BASELINE_ROUND266.md), then developed against
	"round267": {0.75, 0.71}, // held out: 6/8 (5/7 quoted) when measured once (BASELINE_ROUND267.md), then developed against
	"round268": {0.6, 1},     // held out: 3/5 (4/4 quoted) when measured once (BASELINE_ROUND268.md), then developed against
	"round269": {1, 0.66},    // held out: 2/4 (2/3 quoted) when measured once (BASELINE_ROUND269.md), then developed against
	"round270": {1.00, 1.00}, // held out: 12/15 (2/2 quoted) when measured once (BASELINE_ROUND270.md), then developed against
	"round271": {0.25, 1},    // held out: 1/4 (2/2 quoted) when measured once (BASELINE_ROUND271.md), then developed against
	"round272": {1.00, 0.66}, // held out: 2/3 (2/3 quoted) when measured once (BASELINE_ROUND272.md); not developed against
	"round273": {0.80, 0.80}, // held out: 6/10 (4/5 quoted) when measured once (BASELINE_ROUND273.md), then developed against
	"round274": {0.5, 1},     // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND274.md), then developed against
	"round275": {1, 1},       // held out: 7/7 (6/6 quoted) when measured once (BASELINE_ROUND275.md), then developed against
	"round276": {1, 1},       // held out: 7/7 (6/6 quoted) when measured once (BASELINE_ROUND276.md), then developed against
	"round277": {0.66, 1},    // held out: 2/3 (0/0 quoted) when measured once (BASELINE_ROUND277.md), then developed against
	"round278": {0.71, 0.50}, // held out: 4/7 (1/2 quoted) when measured once (BASELINE_ROUND278.md), then developed against
	"round279": {1, 1},       // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND279.md), then developed against
	"round280": {0, 1},       // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND280.md), then developed against
	"round281": {0.5, 1},     // held out: 2/6 (2/2 quoted) when measured once (BASELINE_ROUND281.md), then developed against
	"round282": {0.9, 0.83},  // held out: 9/10 (5/6 quoted) when measured once (BASELINE_ROUND282.md), then developed against
	"round283": {1, 1},       // held out: 8/8 (6/6 quoted) when measured once (BASELINE_ROUND283.md), then developed against
	"round284": {1, 1},       // held out: 5/7 (6/6 quoted) when measured once (BASELINE_ROUND284.md), then developed against
	"round285": {1, 1},       // held out: 3/3 (1/1 quoted) when measured once (BASELINE_ROUND285.md), then developed against
	"round286": {1, 1},       // held out: 5/6 (1/1 quoted) when measured once (BASELINE_ROUND286.md), then developed against
	"round287": {1, 1},       // held out: 4/4 (2/2 quoted) when measured once (BASELINE_ROUND287.md), then developed against
	"round288": {0.62, 1},    // held out: 3/8 (3/4 quoted) when measured once (BASELINE_ROUND288.md), then developed against
	"round289": {0.92, 1},    // held out: 12/13 (10/10 quoted) when measured once (BASELINE_ROUND289.md), then developed against
	"round290": {1, 1},       // held out: 4/5 (3/3 quoted) when measured once (BASELINE_ROUND290.md), then developed against
	"round291": {0.87, 1},    // held out: 7/8 (2/2 quoted) when measured once (BASELINE_ROUND291.md), then developed against
	"round292": {0.8, 1},     // held out: 4/5 (4/4 quoted) when measured once (BASELINE_ROUND292.md), then developed against
	"round293": {1, 1},       // held out: 8/8 (8/8 quoted) when measured once (BASELINE_ROUND293.md), then developed against
	"round294": {1, 0},       // held out: 7/8 (0/1 quoted) when measured once (BASELINE_ROUND294.md), then developed against
	"round295": {1.00, 1.00}, // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND295.md), then developed against
	"round296": {0.75, 0.66}, // held out: 5/8 (1/3 quoted) when measured once (BASELINE_ROUND296.md), then developed against
	"round297": {1, 1},       // held out: 4/4 (1/1 quoted) when measured once (BASELINE_ROUND297.md), then developed against
	"round298": {0.5, 1},     // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND298.md), then developed against
	"round299": {1, 1},       // held out: 8/8 (2/2 quoted) when measured once (BASELINE_ROUND299.md), then developed against
	"round300": {0.8, 0.8},   // held out: 3/5 (3/5 quoted) when measured once (BASELINE_ROUND300.md), then developed against
	"round301": {1, 1},       // held out: 6/6 (2/2 quoted) when measured once (BASELINE_ROUND301.md), then developed against
	"round302": {0.84, 0.75}, // held out: 9/13 (3/4 quoted) when measured once (BASELINE_ROUND302.md), then developed against
	"round303": {1, 1},       // held out: 5/5 (3/3 quoted) when measured once (BASELINE_ROUND303.md), then developed against
	"round304": {1, 1},       // held out: 6/7 (6/6 quoted) when measured once (BASELINE_ROUND304.md), then developed against
	"round305": {1, 1},       // held out: 4/4 (3/3 quoted) when measured once (BASELINE_ROUND305.md), then developed against
	"round306": {0.87, 1},    // held out: 5/8 (4/5 quoted) when measured once (BASELINE_ROUND306.md), then developed against
	"round307": {0.88, 1},    // held out: 7/9 (4/4 quoted) when measured once (BASELINE_ROUND307.md), then developed against
	"round308": {1, 1},       // held out: 0/4 (0/0 quoted) when measured once (BASELINE_ROUND308.md), then developed against
	"round309": {0, 1},       // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND309.md), then developed against
	"round310": {0.66, 0.66}, // held out: 2/3 (2/3 quoted) when measured once (BASELINE_ROUND310.md), then developed against
	"round311": {0.87, 1},    // held out: 7/8 (3/3 quoted) when measured once (BASELINE_ROUND311.md), then developed against
	"round312": {0.9, 0.75},  // held out: 9/11 (3/4 quoted) when measured once (BASELINE_ROUND312.md), then developed against
	"round313": {0.83, 1},    // held out: 10/12 (6/6 quoted) when measured once (BASELINE_ROUND313.md), then developed against
	"round314": {0.77, 1},    // held out: 7/9 (3/3 quoted) when measured once (BASELINE_ROUND314.md), then developed against
	"round315": {0.66, 1},    // held out: 2/3 (3/3 quoted) when measured once (BASELINE_ROUND315.md), then developed against
	"round316": {1.00, 0.50}, // held out: 6/7 (2/4 quoted) when measured once (BASELINE_ROUND316.md), then developed against
	"round317": {0.71, 1},    // held out: 4/7 (2/2 quoted) when measured once (BASELINE_ROUND317.md), then developed against
	"round318": {1, 1},       // held out: 3/3 (1/1 quoted) when measured once (BASELINE_ROUND318.md), then developed against
	"round319": {0.83, 1},    // held out: 5/6 (4/4 quoted) when measured once (BASELINE_ROUND319.md), then developed against
	"round320": {0.8, 1},     // held out: 4/5 (1/1 quoted) when measured once (BASELINE_ROUND320.md), then developed against
	"round321": {0.87, 1.00}, // held out: 4/8 (1/4 quoted) when measured once (BASELINE_ROUND321.md), then developed against
	"round322": {1, 1},       // held out: 9/10 (1/1 quoted) when measured once (BASELINE_ROUND322.md), then developed against
	"round323": {0.8, 1},     // held out: 11/15 (0/0 quoted) when measured once (BASELINE_ROUND323.md), then developed against
	"round324": {1, 1},       // held out: 8/8 (6/6 quoted) when measured once (BASELINE_ROUND324.md), then developed against
	"round325": {0.83, 1},    // held out: 8/12 (6/6 quoted) when measured once (BASELINE_ROUND325.md), then developed against
	"round326": {1, 1},       // held out: 6/8 (5/5 quoted) when measured once (BASELINE_ROUND326.md), then developed against
	"round327": {0.88, 1.00}, // held out: 5/9 (1/2 quoted) when measured once (BASELINE_ROUND327.md), then developed against
	"round328": {0.83, 1.00}, // held out: 5/6 (4/5 quoted) when measured once (BASELINE_ROUND328.md), then developed against
	"round329": {0.66, 0.66}, // held out: 3/6 (2/3 quoted) when measured once (BASELINE_ROUND329.md), then developed against
	"round330": {1, 1},       // held out: 4/4 (3/3 quoted) when measured once (BASELINE_ROUND330.md), then developed against
	"round331": {0.5, 1},     // held out: 2/4 (2/2 quoted) when measured once (BASELINE_ROUND331.md), then developed against
	"round332": {0.71, 1},    // held out: 3/7 (2/3 quoted) when measured once (BASELINE_ROUND332.md), then developed against
	"round333": {0.66, 1},    // held out: 2/3 (2/2 quoted) when measured once (BASELINE_ROUND333.md), then developed against
	"round334": {0.85, 1},    // held out: 4/7 (2/2 quoted) when measured once (BASELINE_ROUND334.md), then developed against
	"round335": {1, 1},       // held out: 4/4 (2/2 quoted) when measured once (BASELINE_ROUND335.md), then developed against
	"round336": {0.85, 1},    // held out: 3/7 (5/7 quoted) when measured once (BASELINE_ROUND336.md), then developed against
	"round337": {1, 1},       // held out: 9/10 (7/8 quoted) when measured once (BASELINE_ROUND337.md), then developed against
	"round338": {1, 0.5},     // held out: 5/5 (1/2 quoted) when measured once (BASELINE_ROUND338.md), then developed against
	"round339": {1, 1},       // held out: 4/6 (5/5 quoted) when measured once (BASELINE_ROUND339.md), then developed against
	"round340": {1, 1},       // held out: 3/4 (1/2 quoted) when measured once (BASELINE_ROUND340.md), then developed against
	"round341": {1, 1},       // held out: 6/6 (3/3 quoted) when measured once (BASELINE_ROUND341.md), then developed against
	"round342": {0.85, 1},    // held out: 5/7 (4/4 quoted) when measured once (BASELINE_ROUND342.md), then developed against
	"round343": {1, 1},       // held out: 2/2 (0/2 quoted) when measured once (BASELINE_ROUND343.md), then developed against
	"round344": {0.75, 1},    // held out: 3/4 (1/1 quoted) when measured once (BASELINE_ROUND344.md), then developed against
	"round345": {1, 1},       // held out: 5/5 (5/5 quoted) when measured once (BASELINE_ROUND345.md), then developed against
	"round346": {1, 1},       // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND346.md), then developed against
	"round347": {1, 1},       // held out: 2/5 (3/4 quoted) when measured once (BASELINE_ROUND347.md), then developed against
	"round348": {0.83, 1},    // held out: 10/12 (7/7 quoted) when measured once (BASELINE_ROUND348.md), then developed against
	"round349": {0.66, 1},    // held out: 4/6 (6/6 quoted) when measured once (BASELINE_ROUND349.md), then developed against
	"round350": {1, 1},       // held out: 7/13 (7/7 quoted) when measured once (BASELINE_ROUND350.md), then developed against
	"round351": {1, 1},       // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND351.md), then developed against
	"round352": {1, 1},       // held out: 5/5 (4/4 quoted) when measured once (BASELINE_ROUND352.md), then developed against
	"round353": {1, 1},       // held out: 1/2 (0/0 quoted) when measured once (BASELINE_ROUND353.md), then developed against
	"round355": {0.88, 1},    // held out: 5/9 (6/8 quoted) when measured once (BASELINE_ROUND355.md), then developed against
	"round356": {0.8, 1},     // held out: 3/5 (2/2 quoted) when measured once (BASELINE_ROUND356.md), then developed against
	"round357": {1, 1},       // held out: 2/2 (2/2 quoted) when measured once (BASELINE_ROUND357.md), then developed against
	"round358": {1, 1},       // held out: 5/5 (5/5 quoted) when measured once (BASELINE_ROUND358.md), then developed against
	"round359": {0.88, 1},    // held out: 8/9 (6/6 quoted) when measured once (BASELINE_ROUND359.md), then developed against
	"round360": {0.80, 1.00}, // held out: 7/10 (6/10 quoted) when measured once (BASELINE_ROUND360.md), then developed against
	"round361": {0.85, 1},    // held out: 5/7 (1/1 quoted) when measured once (BASELINE_ROUND361.md), then developed against
	"round362": {1, 1},       // held out: 4/4 (4/4 quoted) when measured once (BASELINE_ROUND362.md), then developed against
	"round363": {0.8, 1},     // held out: 4/5 (4/4 quoted) when measured once (BASELINE_ROUND363.md), then developed against
	"round364": {0.88, 1},    // held out: 5/9 (6/6 quoted) when measured once (BASELINE_ROUND364.md), then developed against
	"round365": {0.66, 0.8},  // held out: 5/9 (3/5 quoted) when measured once (BASELINE_ROUND365.md), then developed against
	"round366": {1, 1},       // held out: 7/7 (3/5 quoted) when measured once (BASELINE_ROUND366.md), then developed against
	"round368": {0.8, 1},     // held out: 4/5 (4/4 quoted) when measured once (BASELINE_ROUND368.md), then developed against
	"round369": {1, 1},       // held out: 5/7 (3/3 quoted) when measured once (BASELINE_ROUND369.md), then developed against
	"round370": {0.92, 0.87}, // held out: 11/13 (7/8 quoted) when measured once (BASELINE_ROUND370.md), then developed against
	"round371": {1, 1},       // held out: 2/3 (1/1 quoted) when measured once (BASELINE_ROUND371.md), then developed against
	"round372": {1, 1},       // held out: 10/10 (4/5 quoted) when measured once (BASELINE_ROUND372.md), then developed against
	"round373": {0.83, 0.75}, // held out: 5/6 (3/4 quoted) when measured once (BASELINE_ROUND373.md), then developed against
	"round374": {1, 1},       // held out: 2/5 (1/1 quoted) when measured once (BASELINE_ROUND374.md), then developed against
	"round375": {0.83, 1},    // held out: 5/6 (5/5 quoted) when measured once (BASELINE_ROUND375.md), then developed against
	"round376": {1, 1},       // held out: 5/7 (1/1 quoted) when measured once (BASELINE_ROUND376.md), then developed against
	"round377": {0.75, 1},    // held out: 3/4 (3/4 quoted) when measured once (BASELINE_ROUND377.md), then developed against
	"round378": {0.66, 1.00}, // held out: 1/3 (2/2 quoted) when measured once (BASELINE_ROUND378.md), then developed against
	"round379": {1, 1},       // held out: 8/11 (7/7 quoted) when measured once (BASELINE_ROUND379.md), then developed against
	"round380": {1, 1},       // held out: 6/6 (6/6 quoted) when measured once (BASELINE_ROUND380.md), then developed against
	"round381": {1, 1},       // held out: 6/7 (0/0 quoted) when measured once (BASELINE_ROUND381.md), then developed against
	"round382": {0.85, 1},    // held out: 4/7 (4/5 quoted) when measured once (BASELINE_ROUND382.md), then developed against
	"round383": {1, 1},       // held out: 3/4 (1/1 quoted) when measured once (BASELINE_ROUND383.md), then developed against
	"round384": {1, 1},       // held out: 9/13 (8/9 quoted) when measured once (BASELINE_ROUND384.md), then developed against
	"round385": {0.5, 1},     // held out: 1/4 (1/1 quoted) when measured once (BASELINE_ROUND385.md), then developed against
	"round386": {0.66, 1},    // held out: 4/6 (3/3 quoted) when measured once (BASELINE_ROUND386.md), then developed against
	"round387": {1, 1},       // held out: 5/5 (1/1 quoted) when measured once (BASELINE_ROUND387.md), then developed against
	"round388": {1, 1},       // held out: 13/15 (10/10 quoted) when measured once (BASELINE_ROUND388.md), then developed against
	"round389": {1, 1},       // held out: 7/7 (3/5 quoted) when measured once (BASELINE_ROUND389.md), then developed against
	"round390": {0.8, 1},     // held out: 4/5 (1/1 quoted) when measured once (BASELINE_ROUND390.md), then developed against
	"round391": {1, 1},       // held out: 12/12 (10/10 quoted) when measured once (BASELINE_ROUND391.md), then developed against
	"round392": {1, 1},       // held out: 2/2 (2/2 quoted) when measured once (BASELINE_ROUND392.md), then developed against
	"round393": {1, 1},       // held out: 4/4 (3/3 quoted) when measured once (BASELINE_ROUND393.md), then developed against
	"round394": {1, 1},       // held out: 4/4 (1/1 quoted) when measured once (BASELINE_ROUND394.md), then developed against
	"round395": {1, 1},       // held out: 2/2 (2/2 quoted) when measured once (BASELINE_ROUND395.md), then developed against
	"round396": {0.93, 1},    // held out: 9/15 (3/3 quoted) when measured once (BASELINE_ROUND396.md), then developed against
	"round397": {1, 0.66},    // held out: 1/3 (2/3 quoted) when measured once (BASELINE_ROUND397.md), then developed against
	"round398": {0.8, 1},     // held out: 8/10 (5/5 quoted) when measured once (BASELINE_ROUND398.md), then developed against
	"round399": {1, 1},       // held out: 3/4 (4/4 quoted) when measured once (BASELINE_ROUND399.md), then developed against
	"round400": {1, 1},       // held out: 2/3 (2/2 quoted) when measured once (BASELINE_ROUND400.md), then developed against
	"round401": {0.5, 0.75},  // held out: 2/4 (3/4 quoted) when measured once (BASELINE_ROUND401.md), then developed against
	"round402": {1, 1},       // held out: 1/2 (2/2 quoted) when measured once (BASELINE_ROUND402.md), then developed against
	"round403": {0.77, 1},    // held out: 6/9 (5/6 quoted) when measured once (BASELINE_ROUND403.md), then developed against
	"round404": {1, 1},       // held out: 6/6 (6/6 quoted) when measured once (BASELINE_ROUND404.md), then developed against
	"round405": {0.5, 1},     // held out: 1/4 (2/3 quoted) when measured once (BASELINE_ROUND405.md), then developed against
	"round406": {0.69, 1},    // held out: 5/13 (5/5 quoted) when measured once (BASELINE_ROUND406.md), then developed against
	"round407": {0.9, 1},     // held out: 5/10 (2/2 quoted) when measured once (BASELINE_ROUND407.md), then developed against
	"round408": {1, 1},       // held out: 4/4 (3/3 quoted) when measured once (BASELINE_ROUND408.md), then developed against
	"round409": {0.66, 1},    // held out: 2/3 (3/3 quoted) when measured once (BASELINE_ROUND409.md), then developed against
	"round410": {0.85, 1},    // held out: 6/7 (1/2 quoted) when measured once (BASELINE_ROUND410.md), then developed against
	"round411": {0.88, 1},    // held out: 8/9 (1/1 quoted) when measured once (BASELINE_ROUND411.md), then developed against
	"round412": {0.5, 1},     // held out: 2/4 (1/1 quoted) when measured once (BASELINE_ROUND412.md), then developed against
	"round413": {0.66, 1},    // held out: 2/3 (0/0 quoted) when measured once (BASELINE_ROUND413.md), then developed against
	"round414": {1, 1},       // held out: 7/8 (1/1 quoted) when measured once (BASELINE_ROUND414.md), then developed against
	"round415": {0.88, 0.88}, // held out: 13/17 (8/9 quoted) when measured once (BASELINE_ROUND415.md), then developed against
	"round416": {0.83, 0.83}, // held out: 5/6 (5/6 quoted) when measured once (BASELINE_ROUND416.md), then developed against
	"round417": {0.88, 0.75}, // held out: 7/9 (3/4 quoted) when measured once (BASELINE_ROUND417.md), then developed against
	"round418": {1, 1},       // held out: 7/7 (2/3 quoted) when measured once (BASELINE_ROUND418.md), then developed against
	"round419": {0.75, 1},    // held out: 4/8 (6/6 quoted) when measured once (BASELINE_ROUND419.md), then developed against
	"round420": {0.57, 1},    // held out: 3/7 (1/1 quoted) when measured once (BASELINE_ROUND420.md), then developed against
	"round421": {0.5, 1},     // held out: 1/2 (0/0 quoted) when measured once (BASELINE_ROUND421.md), then developed against
	"round422": {1, 1},       // held out: 3/4 (1/2 quoted) when measured once (BASELINE_ROUND422.md), then developed against
	"round423": {0.76, 1},    // held out: 9/13 (1/1 quoted) when measured once (BASELINE_ROUND423.md), then developed against
	"round424": {0.78, 0.71}, // held out: 11/14 (5/7 quoted) when measured once (BASELINE_ROUND424.md), then developed against
	"round425": {1.00, 1.00}, // held out: 22/24 (0/0 quoted) when measured once (BASELINE_ROUND425.md), then developed against
	"round426": {0.93, 0.91}, // held out: 15/16 (10/12 quoted) when measured once (BASELINE_ROUND426.md), then developed against
	"round427": {1, 1},       // held out: 4/5 (2/2 quoted) when measured once (BASELINE_ROUND427.md), then developed against
	"round428": {0.92, 0.85}, // held out: 12/13 (5/7 quoted) when measured once (BASELINE_ROUND428.md), then developed against
	"round429": {1, 0.83},    // held out: 16/16 (5/6 quoted) when measured once (BASELINE_ROUND429.md), then developed against
	"round430": {0.95, 0.77}, // held out: 23/24 (7/9 quoted) when measured once (BASELINE_ROUND430.md), then developed against
	"round431": {1, 0.91},    // held out: 13/15 (9/12 quoted) when measured once (BASELINE_ROUND431.md), then developed against
	"round432": {0.93, 1.00}, // held out: 26/30 (0/0 quoted) when measured once (BASELINE_ROUND432.md), then developed against
	"round433": {1, 0.95},    // held out: 23/25 (20/21 quoted) when measured once (BASELINE_ROUND433.md), then developed against
	"round434": {0.86, 1},    // held out: 11/15 (8/10 quoted) when measured once (BASELINE_ROUND434.md), then developed against
	"round435": {1, 1},       // held out: 4/4 (2/4 quoted) when measured once (BASELINE_ROUND435.md), then developed against
	"round436": {1, 1},       // held out: 1/1 (0/0 quoted) when measured once (BASELINE_ROUND436.md), then developed against
	"round437": {0.83, 1},    // held out: 5/6 (1/1 quoted) when measured once (BASELINE_ROUND437.md), then developed against
	"round438": {1, 1},       // held out: 6/7 (3/3 quoted) when measured once (BASELINE_ROUND438.md), then developed against
	"round439": {0.6, 1},     // held out: 3/5 (3/3 quoted) when measured once (BASELINE_ROUND439.md), then developed against
	"round440": {1, 1},       // held out: 2/3 (2/2 quoted) when measured once (BASELINE_ROUND440.md), then developed against
	"round441": {0.33, 1},    // held out: 1/3 (3/3 quoted) when measured once (BASELINE_ROUND441.md), then developed against
	"round442": {1.00, 1.00}, // held out: 2/4 (2/3 quoted) when measured once (BASELINE_ROUND442.md), then developed against
	"round443": {0.63, 1},    // held out: 7/11 (4/5 quoted) when measured once (BASELINE_ROUND443.md), then developed against
	"round444": {0.75, 0.8},  // held out: 9/12 (3/5 quoted) when measured once (BASELINE_ROUND444.md), then developed against
	"round445": {0.95, 1},    // held out: 20/21 (8/8 quoted) when measured once (BASELINE_ROUND445.md), then developed against
	"round446": {1, 1},       // held out: 20/20 (6/6 quoted) when measured once (BASELINE_ROUND446.md), then developed against
	"round447": {0.8, 1},     // held out: 3/5 (3/3 quoted) when measured once (BASELINE_ROUND447.md), then developed against
	"round448": {0.75, 1},    // held out: 2/4 (1/1 quoted) when measured once (BASELINE_ROUND448.md), then developed against
	"round449": {0.92, 1.00}, // held out: 9/14 (8/8 quoted) when measured once (BASELINE_ROUND449.md), then developed against
	"round450": {0.9, 1},     // held out: 20/22 (17/17 quoted) when measured once (BASELINE_ROUND450.md), then developed against
	"round451": {0.6, 1},     // held out: 4/10 (4/4 quoted) when measured once (BASELINE_ROUND451.md), then developed against
	"round452": {1.00, 1.00}, // held out: 10/13 (1/3 quoted) when measured once (BASELINE_ROUND452.md), then developed against
	"round453": {0.95, 1},    // held out: 22/23 (10/10 quoted) when measured once (BASELINE_ROUND453.md), then developed against
	"round454": {0.94, 1},    // held out: 16/18 (12/12 quoted) when measured once (BASELINE_ROUND454.md), then developed against
	"round455": {1, 1},       // held out: 6/6 (5/5 quoted) when measured once (BASELINE_ROUND455.md), then developed against
	"round456": {0.70, 1.00}, // held out: 9/17 (8/9 quoted) when measured once (BASELINE_ROUND456.md), then developed against
	"round457": {1, 1},       // held out: 13/16 (5/5 quoted) when measured once (BASELINE_ROUND457.md), then developed against
	"round458": {0.42, 1},    // held out: 3/7 (1/2 quoted) when measured once (BASELINE_ROUND458.md), then developed against
	"round459": {0.96, 0.95}, // held out: 26/28 (22/24 quoted) when measured once (BASELINE_ROUND459.md), then developed against
	"round460": {0.95, 0.93}, // held out: 19/20 (14/15 quoted) when measured once (BASELINE_ROUND460.md), then developed against
	"round461": {1, 1},       // held out: 16/16 (13/13 quoted) when measured once (BASELINE_ROUND461.md), then developed against
	"round462": {1, 1},       // held out: 4/4 (2/3 quoted) when measured once (BASELINE_ROUND462.md), then developed against
	"round463": {1, 1},       // held out: 12/13 (8/8 quoted) when measured once (BASELINE_ROUND463.md), then developed against
	"round464": {0.62, 1.00}, // held out: 3/8 (1/2 quoted) when measured once (BASELINE_ROUND464.md), then developed against
	"round465": {0.5, 1},     // held out: 2/4 (1/1 quoted) when measured once (BASELINE_ROUND465.md), then developed against
	"round466": {0.8, 1},     // held out: 3/5 (2/3 quoted) when measured once (BASELINE_ROUND466.md), then developed against
	"round467": {0.83, 1},    // held out: 4/6 (4/5 quoted) when measured once (BASELINE_ROUND467.md), then developed against
	"round468": {1, 1},       // held out: 9/10 (5/6 quoted) when measured once (BASELINE_ROUND468.md), then developed against
	"round469": {0.77, 0.75}, // held out: 4/9 (2/4 quoted) when measured once (BASELINE_ROUND469.md), then developed against
	"round470": {1, 1},       // held out: 6/9 (6/7 quoted) when measured once (BASELINE_ROUND470.md), then developed against
	"round471": {0.83, 1},    // held out: 3/6 (4/4 quoted) when measured once (BASELINE_ROUND471.md), then developed against
	"round472": {1, 1},       // held out: 11/11 (9/10 quoted) when measured once (BASELINE_ROUND472.md), then developed against
	"round473": {1, 0.83},    // held out: 6/8 (4/6 quoted) when measured once (BASELINE_ROUND473.md), then developed against
	"round474": {0.94, 0.92}, // held out: 17/19 (13/14 quoted) when measured once (BASELINE_ROUND474.md), then developed against
	"round475": {0.85, 1},    // held out: 6/7 (4/4 quoted) when measured once (BASELINE_ROUND475.md), then developed against
	"round476": {0.83, 1},    // held out: 5/6 (2/2 quoted) when measured once (BASELINE_ROUND476.md), then developed against
	"round477": {0.8, 1},     // held out: 4/5 (3/3 quoted) when measured once (BASELINE_ROUND477.md), then developed against
	"round478": {0.66, 1},    // held out: 4/6 (2/2 quoted) when measured once (BASELINE_ROUND478.md), then developed against
	"round479": {1, 0.5},     // held out: 4/5 (3/4 quoted) when measured once (BASELINE_ROUND479.md), then developed against
	"round480": {1, 1},       // held out: 2/3 (2/2 quoted) when measured once (BASELINE_ROUND480.md), then developed against
	"round481": {1, 0.75},    // held out: 8/8 (3/4 quoted) when measured once (BASELINE_ROUND481.md), then developed against
	"round482": {1, 0.8},     // held out: 8/8 (3/5 quoted) when measured once (BASELINE_ROUND482.md), then developed against
	"round483": {1, 1},       // held out: 2/2 (2/2 quoted) when measured once (BASELINE_ROUND483.md), then developed against
	"round484": {1, 1},       // held out: 14/14 (13/14 quoted) when measured once (BASELINE_ROUND484.md), then developed against
	"round485": {0.75, 1},    // held out: 5/8 (3/3 quoted) when measured once (BASELINE_ROUND485.md), then developed against
	"round486": {1, 1},       // held out: 4/5 (3/4 quoted) when measured once (BASELINE_ROUND486.md), then developed against
	"round487": {0.75, 1},    // held out: 3/4 (2/2 quoted) when measured once (BASELINE_ROUND487.md), then developed against
	"round488": {1, 1},       // held out: 1/2 (1/2 quoted) when measured once (BASELINE_ROUND488.md), then developed against
	"round489": {1, 1},       // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND489.md), then developed against
	"round490": {0.5, 1},     // held out: 1/2 (0/0 quoted) when measured once (BASELINE_ROUND490.md), then developed against
	"round491": {1, 1},       // held out: 3/3 (1/1 quoted) when measured once (BASELINE_ROUND491.md), then developed against
	"round492": {0.9, 1},     // held out: 7/11 (1/1 quoted) when measured once (BASELINE_ROUND492.md), then developed against
	"round493": {1, 1},       // held out: 12/12 (3/3 quoted) when measured once (BASELINE_ROUND493.md), then developed against
	"round495": {1, 1},       // held out: 3/3 (0/0 quoted) when measured once (BASELINE_ROUND495.md), then developed against
	"round496": {0.83, 1.00}, // held out: 8/12 (3/3 quoted) when measured once (BASELINE_ROUND496.md), then developed against
	"round497": {0.88, 1},    // held out: 15/17 (3/3 quoted) when measured once (BASELINE_ROUND497.md), then developed against
	"round498": {0.88, 1},    // held out: 8/9 (4/4 quoted) when measured once (BASELINE_ROUND498.md), then developed against
	"round499": {1, 1},       // held out: 5/7 (1/2 quoted) when measured once (BASELINE_ROUND499.md), then developed against
	"round500": {1, 1},       // held out: 28/28 (6/8 quoted) when measured once (BASELINE_ROUND500.md), then developed against
	"round501": {0.62, 1},    // held out: 5/8 (4/4 quoted) when measured once (BASELINE_ROUND501.md), then developed against
	"round502": {1, 1},       // held out: 6/7 (3/3 quoted) when measured once (BASELINE_ROUND502.md), then developed against
	"round503": {0.92, 1},    // held out: 12/14 (8/8 quoted) when measured once (BASELINE_ROUND503.md), then developed against
	"round504": {0.87, 1.00}, // held out: 5/8 (2/2 quoted) when measured once (BASELINE_ROUND504.md), then developed against
	"round505": {0.8, 1},     // held out: 4/5 (0/0 quoted) when measured once (BASELINE_ROUND505.md), then developed against
	"round506": {0.75, 1.00}, // held out: 5/8 (4/5 quoted) when measured once (BASELINE_ROUND506.md), then developed against
	"round507": {1, 1},       // held out: 6/7 (4/4 quoted) when measured once (BASELINE_ROUND507.md), then developed against
	"round508": {1, 1},       // held out: 6/7 (4/6 quoted) when measured once (BASELINE_ROUND508.md), then developed against
	"round509": {0.76, 1},    // held out: 10/13 (6/6 quoted) when measured once (BASELINE_ROUND509.md), then developed against
	"round510": {0.76, 1.00}, // held out: 10/13 (7/8 quoted) when measured once (BASELINE_ROUND510.md), then developed against
	"round511": {0.9, 1},     // held out: 8/11 (5/5 quoted) when measured once (BASELINE_ROUND511.md), then developed against
	"round512": {1, 1},       // held out: 3/3 (1/1 quoted) when measured once (BASELINE_ROUND512.md), then developed against
	"round513": {1, 1},       // held out: 3/3 (1/1 quoted) when measured once (BASELINE_ROUND513.md), then developed against
	"round514": {1, 1},       // held out: 12/12 (5/5 quoted) when measured once (BASELINE_ROUND514.md), then developed against
	"round515": {0.78, 1},    // held out: 11/14 (7/7 quoted) when measured once (BASELINE_ROUND515.md), then developed against
	"round516": {1, 1},       // held out: 3/3 (2/2 quoted) when measured once (BASELINE_ROUND516.md), then developed against
	"round517": {1, 1},       // held out: 5/5 (0/0 quoted) when measured once (BASELINE_ROUND517.md), then developed against
	"round518": {1, 1},       // held out: 5/5 (2/2 quoted) when measured once (BASELINE_ROUND518.md), then developed against
	"round519": {1, 1},       // held out: 7/7 (2/2 quoted) when measured once (BASELINE_ROUND519.md), then developed against
	"round520": {0.75, 1},    // held out: 3/4 (2/2 quoted) when measured once (BASELINE_ROUND520.md), then developed against
	"round521": {0.71, 1},    // held out: 5/7 (1/1 quoted) when measured once (BASELINE_ROUND521.md), then developed against
	"round522": {0.83, 0.33}, // held out: 5/6 (1/3 quoted) when measured once (BASELINE_ROUND522.md), then developed against
	"round523": {0.66, 1},    // held out: 4/6 (1/1 quoted) when measured once (BASELINE_ROUND523.md), then developed against
	"round524": {0.66, 1},    // held out: 2/3 (1/1 quoted) when measured once (BASELINE_ROUND524.md), then developed against
	"round525": {1, 0.75},    // held out: 5/6 (3/4 quoted) when measured once (BASELINE_ROUND525.md), then developed against
	"round526": {0.8, 1},     // held out: 4/5 (2/2 quoted) when measured once (BASELINE_ROUND526.md), then developed against
	"round527": {1, 1},       // held out: 4/4 (3/4 quoted) when measured once (BASELINE_ROUND527.md), then developed against
	"round528": {0.8, 1},     // held out: 4/5 (2/2 quoted) when measured once (BASELINE_ROUND528.md), then developed against
	"round529": {0.9, 1},     // held out: 8/10 (6/6 quoted) when measured once (BASELINE_ROUND529.md), then developed against
	"round530": {0.84, 1},    // held out: 11/13 (8/8 quoted) when measured once (BASELINE_ROUND530.md), then developed against
	"round531": {0.5, 1},     // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND531.md), then developed against
	"round532": {0.75, 1},    // held out: 6/8 (3/4 quoted) when measured once (BASELINE_ROUND532.md), then developed against
	"round533": {0.84, 0.66}, // held out: 10/13 (2/3 quoted) when measured once (BASELINE_ROUND533.md), then developed against
	"round534": {0.83, 1},    // held out: 5/6 (3/3 quoted) when measured once (BASELINE_ROUND534.md), then developed against
	"round535": {1, 1},       // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND535.md), then developed against
	"round537": {1, 1},       // held out: 6/6 (1/1 quoted) when measured once (BASELINE_ROUND537.md), then developed against
	"round538": {0.62, 1},    // held out: 5/8 (6/6 quoted) when measured once (BASELINE_ROUND538.md), then developed against
	"round539": {0.66, 1},    // held out: 4/6 (3/3 quoted) when measured once (BASELINE_ROUND539.md), then developed against
	"round540": {0.72, 1},    // held out: 7/11 (1/1 quoted) when measured once (BASELINE_ROUND540.md), then developed against
	"round541": {1, 1},       // held out: 1/1 (1/1 quoted) when measured once (BASELINE_ROUND541.md), then developed against
	"round542": {1, 1},       // held out: 3/3 (1/1 quoted) when measured once (BASELINE_ROUND542.md), then developed against
	"round543": {0.66, 0.88}, // held out: 8/12 (8/9 quoted) when measured once (BASELINE_ROUND543.md), then developed against
	"round544": {1, 1},       // held out: 11/12 (2/2 quoted) when measured once (BASELINE_ROUND544.md), then developed against
	"round545": {0.75, 1},    // held out: 3/4 (1/1 quoted) when measured once (BASELINE_ROUND545.md), then developed against
	"round546": {0.5, 1},     // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND546.md), then developed against
	"round547": {0.5, 1},     // held out: 3/6 (1/1 quoted) when measured once (BASELINE_ROUND547.md), then developed against
	"round548": {0.72, 1},    // held out: 6/11 (3/4 quoted) when measured once (BASELINE_ROUND548.md), then developed against
	"round549": {1, 1},       // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND549.md), then developed against
	"round550": {0.5, 1},     // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND550.md), then developed against
	"round552": {0, 1},       // held out: 0/1 (1/1 quoted) when measured once (BASELINE_ROUND552.md), then developed against
	"round553": {0.66, 1},    // held out: 2/3 (0/0 quoted) when measured once (BASELINE_ROUND553.md), then developed against
	"round555": {1, 1},       // held out: 10/10 (1/1 quoted) when measured once (BASELINE_ROUND555.md), then developed against
	"round556": {0.8, 1},     // held out: 4/5 (1/1 quoted) when measured once (BASELINE_ROUND556.md), then developed against
	"round557": {1, 1},       // held out: 9/10 (3/3 quoted) when measured once (BASELINE_ROUND557.md), then developed against
	"round558": {0.6, 1},     // held out: 2/5 (0/0 quoted) when measured once (BASELINE_ROUND558.md), then developed against
	"round560": {1, 1},       // held out: 4/5 (2/2 quoted) when measured once (BASELINE_ROUND560.md), then developed against
	"round561": {0.33, 1},    // held out: 1/3 (0/0 quoted) when measured once (BASELINE_ROUND561.md), then developed against
	"round562": {0.83, 1},    // held out: 10/12 (3/4 quoted) when measured once (BASELINE_ROUND562.md), then developed against
	"round563": {0.5, 1},     // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND563.md), then developed against
	"round565": {1, 1},       // held out: 7/7 (1/1 quoted) when measured once (BASELINE_ROUND565.md), then developed against
	"round564": {1, 1},       // held out: 2/2 (0/0 quoted) when measured once (BASELINE_ROUND564.md), then developed against
	"round566": {0.71, 1},    // held out: 5/7 (1/1 quoted) when measured once (BASELINE_ROUND566.md), then developed against
	"round567": {0.75, 1},    // held out: 3/8 (1/3 quoted) when measured once (BASELINE_ROUND567.md), then developed against
	"round569": {1, 1},       // held out: 2/2 (0/0 quoted) when measured once (BASELINE_ROUND569.md), then developed against
	"round568": {1, 1},       // held out: 7/7 (3/3 quoted) when measured once (BASELINE_ROUND568.md), then developed against
	"round570": {0.75, 1},    // held out: 12/16 (2/2 quoted) when measured once (BASELINE_ROUND570.md), then developed against
	"round571": {1, 1},       // held out: 6/7 (4/4 quoted) when measured once (BASELINE_ROUND571.md), then developed against
	"round572": {0.33, 1},    // held out: 1/3 (0/0 quoted) when measured once (BASELINE_ROUND572.md), then developed against
	"round575": {0.66, 1},    // held out: 2/3 (2/2 quoted) when measured once (BASELINE_ROUND575.md), then developed against
	"round573": {0.6, 1},     // held out: 3/5 (1/1 quoted) when measured once (BASELINE_ROUND573.md), then developed against
	"round576": {0.33, 1},    // held out: 0/3 (0/0 quoted) when measured once (BASELINE_ROUND576.md), then developed against
	"round577": {0.3, 1},     // held out: 2/10 (1/1 quoted) when measured once (BASELINE_ROUND577.md), then developed against
	"round578": {0.8, 1},     // held out: 4/5 (2/2 quoted) when measured once (BASELINE_ROUND578.md), then developed against
	"round580": {0.5, 0},     // held out: 3/6 (0/1 quoted) when measured once (BASELINE_ROUND580.md), then developed against
	"round579": {0.75, 1},    // held out: 6/8 (2/2 quoted) when measured once (BASELINE_ROUND579.md), then developed against
	"round582": {0, 1},       // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND582.md), then developed against
	"round581": {0.75, 1},    // held out: 3/8 (2/3 quoted) when measured once (BASELINE_ROUND581.md), then developed against
	"round583": {0.8, 1},     // held out: 2/5 (1/2 quoted) when measured once (BASELINE_ROUND583.md), then developed against
	"round584": {1, 1},       // held out: 3/3 (0/0 quoted) when measured once (BASELINE_ROUND584.md), then developed against
	"round585": {0.75, 0.33}, // held out: 2/4 (1/3 quoted) when measured once (BASELINE_ROUND585.md), then developed against
	"round587": {1, 1},       // held out: 1/1 (0/0 quoted) when measured once (BASELINE_ROUND587.md), then developed against
	"round588": {1, 1},       // held out: 1/1 (0/0 quoted) when measured once (BASELINE_ROUND588.md), then developed against
	"round589": {1, 1},       // held out: 6/7 (1/1 quoted) when measured once (BASELINE_ROUND589.md), then developed against
	"round590": {0.5, 1},     // held out: 1/2 (2/2 quoted) when measured once (BASELINE_ROUND590.md), then developed against
	"round591": {0.83, 1},    // held out: 5/6 (0/1 quoted) when measured once (BASELINE_ROUND591.md), then developed against
	"round592": {0.75, 1},    // held out: 3/4 (2/2 quoted) when measured once (BASELINE_ROUND592.md), then developed against
	"round593": {1, 1},       // held out: 8/8 (5/5 quoted) when measured once (BASELINE_ROUND593.md), then developed against
	"round594": {0.88, 1},    // held out: 8/9 (3/3 quoted) when measured once (BASELINE_ROUND594.md), then developed against
	"round595": {1, 1},       // held out: 2/4 (0/0 quoted) when measured once (BASELINE_ROUND595.md), then developed against
	"round596": {1.00, 1.00}, // held out: 2/3 (2/3 quoted) when measured once (BASELINE_ROUND596.md), then developed against
	"round597": {0.8, 1.0},   // held out: 4/5 (1/1 quoted) when measured once (BASELINE_ROUND597.md), then developed against
	"round599": {1.0, 1.0},   // held out: 3/3 (1/1 quoted) when measured once (BASELINE_ROUND599.md), then developed against
	"round601": {1.0, 1.0},   // held out: 2/2 (0/0 quoted) when measured once (BASELINE_ROUND601.md), then developed against
	"round603": {0.75, 1.0},  // held out: 3/4 (1/1 quoted) when measured once (BASELINE_ROUND603.md), then developed against
	"round602": {0.69, 0.87}, // held out: 8/13 (5/8 quoted) when measured once (BASELINE_ROUND602.md), then developed against
	"round604": {1.0, 1.0},   // held out: 3/3 (0/0 quoted) when measured once (BASELINE_ROUND604.md), then developed against
	"round605": {0.75, 1.0},  // held out: 3/4 (1/1 quoted) when measured once (BASELINE_ROUND605.md), then developed against
	"round606": {0.66, 1.0},  // held out: 3/6 (1/1 quoted) when measured once (BASELINE_ROUND606.md), then developed against
	"round607": {1.0, 1.0},   // held out: 3/4 (0/1 quoted) when measured once (BASELINE_ROUND607.md), then developed against
	"round608": {1.0, 1.0},   // held out: 3/3 (1/1 quoted) when measured once (BASELINE_ROUND608.md), then developed against
	"round610": {1.0, 1.0},   // held out: 9/10 (0/0 quoted) when measured once (BASELINE_ROUND610.md), then developed against
	"round609": {0.83, 1.0},  // held out: 4/6 (1/2 quoted) when measured once (BASELINE_ROUND609.md), then developed against
	"round611": {0.83, 1.0},  // held out: 5/6 (1/1 quoted) when measured once (BASELINE_ROUND611.md), then developed against
	"round616": {1.00, 1.00}, // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND616.md), then developed against
	"round613": {1.00, 1.00}, // held out: 1/1 (1/1 quoted) when measured once (BASELINE_ROUND613.md), then developed against
	"round612": {1.00, 1.00}, // held out: 3/3 (0/0 quoted) when measured once (BASELINE_ROUND612.md), then developed against
	"round614": {1.00, 1.00}, // held out: 3/3 (0/0 quoted) when measured once (BASELINE_ROUND614.md), then developed against
	"round617": {1.00, 1.00}, // held out: 1/2 (0/0 quoted) when measured once (BASELINE_ROUND617.md), then developed against
	"round618": {1.00, 1.00}, // held out: 2/2 (0/1 quoted) when measured once (BASELINE_ROUND618.md), then developed against
	"round621": {0.50, 1.00}, // held out: 1/2 (0/0 quoted) when measured once (BASELINE_ROUND621.md), then developed against
	"round622": {0.00, 1.00}, // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND622.md), then developed against
	"round619": {0.75, 1.00}, // held out: 2/4 (3/3 quoted) when measured once (BASELINE_ROUND619.md), then developed against
	"round620": {1.00, 1.00}, // held out: 3/4 (1/1 quoted) when measured once (BASELINE_ROUND620.md), then developed against
	"round624": {0.33, 1.00}, // held out: 0/3 (1/1 quoted) when measured once (BASELINE_ROUND624.md), then developed against
	"round625": {0.50, 1.00}, // held out: 1/2 (0/0 quoted) when measured once (BASELINE_ROUND625.md), then developed against
	"round623": {1.00, 1.00}, // held out: 4/4 (0/0 quoted) when measured once (BASELINE_ROUND623.md), then developed against
	"round627": {0.50, 1.00}, // held out: 1/2 (2/2 quoted) when measured once (BASELINE_ROUND627.md), then developed against
	"round626": {0.50, 1.00}, // held out: 3/6 (2/2 quoted) when measured once (BASELINE_ROUND626.md), then developed against
	"round629": {0.00, 1.00}, // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND629.md), then developed against
	"round628": {0.71, 1.00}, // held out: 4/7 (2/2 quoted) when measured once (BASELINE_ROUND628.md), then developed against
	"round631": {0.33, 1.00}, // held out: 1/3 (2/2 quoted) when measured once (BASELINE_ROUND631.md), then developed against
	"round636": {0.00, 1.00}, // held out: 0/1 (1/1 quoted) when measured once (BASELINE_ROUND636.md), then developed against
	"round635": {0.33, 1.00}, // held out: 1/3 (0/0 quoted) when measured once (BASELINE_ROUND635.md), then developed against
	"round634": {0.80, 1.00}, // held out: 3/5 (1/1 quoted) when measured once (BASELINE_ROUND634.md), then developed against
	"round633": {1.00, 1.00}, // held out: 0/1 (1/1 quoted) when measured once (BASELINE_ROUND633.md), then developed against
	"round632": {1.00, 1.00}, // held out: 3/5 (1/1 quoted) when measured once (BASELINE_ROUND632.md), then developed against
	"round637": {1.00, 1.00}, // held out: 5/5 (3/3 quoted) when measured once (BASELINE_ROUND637.md), then developed against
	"round638": {0.33, 1.00}, // held out: 1/3 (0/0 quoted) when measured once (BASELINE_ROUND638.md), then developed against
	"round639": {1.00, 1.00}, // held out: 1/1 (1/1 quoted) when measured once (BASELINE_ROUND639.md), then developed against
	"round640": {0.50, 1.00}, // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND640.md), then developed against
	"round643": {0.80, 1.00}, // held out: 4/5 (3/3 quoted) when measured once (BASELINE_ROUND643.md), then developed against
	"round642": {0.33, 1.00}, // held out: 1/3 (1/2 quoted) when measured once (BASELINE_ROUND642.md), then developed against
	"round641": {0.42, 1.00}, // held out: 3/7 (3/3 quoted) when measured once (BASELINE_ROUND641.md), then developed against
	"round645": {0.00, 1.00}, // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND645.md), then developed against
	"round646": {0.80, 1.00}, // held out: 4/5 (3/3 quoted) when measured once (BASELINE_ROUND646.md), then developed against
	"round648": {1.00, 1.00}, // held out: 1/2 (0/0 quoted) when measured once (BASELINE_ROUND648.md), then developed against
	"round649": {0.75, 1.00}, // held out: 3/4 (0/0 quoted) when measured once (BASELINE_ROUND649.md), then developed against
	"round651": {1.00, 1.00}, // held out: 2/2 (0/1 quoted) when measured once (BASELINE_ROUND651.md), then developed against
	"round652": {0.66, 1.00}, // held out: 2/3 (1/1 quoted) when measured once (BASELINE_ROUND652.md), then developed against
	"round656": {0.66, 1.00}, // held out: 2/3 (0/0 quoted) when measured once (BASELINE_ROUND656.md), then developed against
	"round653": {0.75, 0.50}, // held out: 5/8 (1/2 quoted) when measured once (BASELINE_ROUND653.md), then developed against
	"round655": {0.20, 1.00}, // held out: 1/5 (1/1 quoted) when measured once (BASELINE_ROUND655.md), then developed against
	"round654": {1.00, 1.00}, // held out: 5/5 (0/0 quoted) when measured once (BASELINE_ROUND654.md), then developed against
	"round657": {1.00, 1.00}, // held out: 0/2 (1/1 quoted) when measured once (BASELINE_ROUND657.md), then developed against
	"round660": {1.00, 1.00}, // held out: 1/1 (0/0 quoted) when measured once (BASELINE_ROUND660.md), then developed against
	"round658": {0.66, 1.00}, // held out: 1/3 (0/0 quoted) when measured once (BASELINE_ROUND658.md), then developed against
	"round662": {0.50, 1.00}, // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND662.md), then developed against
	"round663": {0.80, 1.00}, // held out: 4/5 (3/3 quoted) when measured once (BASELINE_ROUND663.md), then developed against
	"round664": {1.00, 1.00}, // held out: 3/4 (1/1 quoted) when measured once (BASELINE_ROUND664.md), then developed against
	"round665": {0.50, 1.00}, // held out: 1/2 (1/1 quoted) when measured once (BASELINE_ROUND665.md), then developed against
	"round666": {0.50, 1.00}, // held out: 2/4 (0/0 quoted) when measured once (BASELINE_ROUND666.md), then developed against
	"round670": {1.00, 0.00}, // held out: 2/2 (0/1 quoted) when measured once (BASELINE_ROUND670.md), then developed against
	"round671": {0.66, 1.00}, // held out: 3/6 (1/1 quoted) when measured once (BASELINE_ROUND671.md), then developed against
	"round672": {0.53, 1.00}, // held out: 6/13 (3/3 quoted) when measured once (BASELINE_ROUND672.md), then developed against
	"round673": {0.50, 1.00}, // held out: 3/6 (0/0 quoted) when measured once (BASELINE_ROUND673.md), then developed against
	"round674": {1.00, 1.00}, // held out: 3/3 (2/2 quoted) when measured once (BASELINE_ROUND674.md), then developed against
	"round675": {0.40, 1.00}, // held out: 4/10 (1/1 quoted) when measured once (BASELINE_ROUND675.md), then developed against
	"round676": {1.00, 1.00}, // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND676.md), then developed against
	"round678": {0.66, 1.00}, // held out: 1/6 (2/2 quoted) when measured once (BASELINE_ROUND678.md), then developed against
	"round679": {1.00, 1.00}, // held out: 1/1 (1/1 quoted) when measured once (BASELINE_ROUND679.md), then developed against
	"round680": {0.42, 1.00}, // held out: 3/7 (1/1 quoted) when measured once (BASELINE_ROUND680.md), then developed against
	"round681": {0.25, 1.00}, // held out: 1/4 (3/3 quoted) when measured once (BASELINE_ROUND681.md), then developed against
	"round682": {0.66, 0.00}, // held out: 2/3 (0/1 quoted) when measured once (BASELINE_ROUND682.md), then developed against
	"round685": {1.00, 1.00}, // held out: 3/3 (0/0 quoted) when measured once (BASELINE_ROUND685.md), then developed against
	"round687": {0.66, 1.00}, // held out: 2/3 (1/1 quoted) when measured once (BASELINE_ROUND687.md), then developed against
	"round688": {1.00, 1.00}, // held out: 1/1 (1/1 quoted) when measured once (BASELINE_ROUND688.md), then developed against
	"round689": {0.00, 1.00}, // held out: 0/2 (0/0 quoted) when measured once (BASELINE_ROUND689.md), then developed against
	"round690": {0.50, 1.00}, // held out: 1/6 (4/4 quoted) when measured once (BASELINE_ROUND690.md), then developed against
	"round691": {0.00, 1.00}, // held out: 0/2 (0/0 quoted) when measured once (BASELINE_ROUND691.md), then developed against
	"round692": {0.00, 1.00}, // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND692.md), then developed against
	"round695": {0.40, 1.00}, // held out: 2/5 (1/1 quoted) when measured once (BASELINE_ROUND695.md), then developed against
	"round697": {0.83, 1.00}, // held out: 10/12 (5/5 quoted) when measured once (BASELINE_ROUND697.md), then developed against
	"round699": {1.00, 1.00}, // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND699.md), then developed against
	"round700": {1.00, 1.00}, // held out: 1/1 (0/0 quoted) when measured once (BASELINE_ROUND700.md), then developed against
	"round701": {0.00, 1.00}, // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND701.md), then developed against
	"round702": {0.62, 1.00}, // held out: 5/8 (2/2 quoted) when measured once (BASELINE_ROUND702.md), then developed against
	"round704": {0.00, 1.00}, // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND704.md), then developed against
	"round706": {1.00, 1.00}, // held out: 1/1 (1/1 quoted) when measured once (BASELINE_ROUND706.md), then developed against
	"round705": {1.00, 1.00}, // held out: 5/7 (4/4 quoted) when measured once (BASELINE_ROUND705.md), then developed against
	"round703": {0.83, 1.00}, // held out: 3/6 (1/1 quoted) when measured once (BASELINE_ROUND703.md), then developed against
	"round708": {1.00, 1.00}, // held out: 1/1 (0/0 quoted) when measured once (BASELINE_ROUND708.md), then developed against
	"round709": {0.00, 1.00}, // held out: 0/1 (0/0 quoted) when measured once (BASELINE_ROUND709.md), then developed against
	"round710": {1.00, 1.00}, // held out: 1/1 (1/1 quoted) when measured once (BASELINE_ROUND710.md), then developed against
	"round707": {1.00, 1.00}, // held out: 5/5 (1/1 quoted) when measured once (BASELINE_ROUND707.md), then developed against
	"round711": {1.00, 1.00}, // held out: 4/5 (0/0 quoted) when measured once (BASELINE_ROUND711.md), then developed against
	"round714": {1.00, 1.00}, // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND714.md), then developed against
	"round715": {0.75, 1.00}, // held out: 2/4 (0/0 quoted) when measured once (BASELINE_ROUND715.md), then developed against
	"round712": {0.66, 1.00}, // held out: 2/6 (1/1 quoted) when measured once (BASELINE_ROUND712.md), then developed against
	"round717": {1.00, 1.00}, // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND717.md), then developed against
	"round716": {0.75, 1.00}, // held out: 2/4 (1/1 quoted) when measured once (BASELINE_ROUND716.md), then developed against
	"round719": {1.00, 1.00}, // held out: 4/4 (1/1 quoted) when measured once (BASELINE_ROUND719.md), then developed against
	"round718": {1.00, 1.00}, // held out: 9/9 (7/7 quoted) when measured once (BASELINE_ROUND718.md), then developed against
	"round720": {0.66, 0.66}, // held out: 3/6 (2/3 quoted) when measured once (BASELINE_ROUND720.md), then developed against
	"round721": {0.83, 1.00}, // held out: 10/12 (5/5 quoted) when measured once (BASELINE_ROUND721.md), then developed against
	"round722": {1.00, 1.00}, // held out: 1/2 (0/0 quoted) when measured once (BASELINE_ROUND722.md), then developed against
	"round724": {0.66, 1.00}, // held out: 1/3 (2/2 quoted) when measured once (BASELINE_ROUND724.md), then developed against
	"round723": {1.00, 1.00}, // held out: 5/5 (2/2 quoted) when measured once (BASELINE_ROUND723.md), then developed against
	"round727": {1.00, 1.00}, // held out: 1/1 (0/0 quoted) when measured once (BASELINE_ROUND727.md), then developed against
	"round728": {1.00, 1.00}, // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND728.md), then developed against
	"round726": {0.90, 1.00}, // held out: 7/10 (4/4 quoted) when measured once (BASELINE_ROUND726.md), then developed against
	"round725": {0.50, 1.00}, // held out: 2/4 (1/1 quoted) when measured once (BASELINE_ROUND725.md), then developed against
	"round730": {1.00, 1.00}, // held out: 2/2 (1/1 quoted) when measured once (BASELINE_ROUND730.md), then developed against
	"round729": {0.71, 0.50}, // held out: 5/7 (1/2 quoted) when measured once (BASELINE_ROUND729.md), then developed against
	"round731": {0.33, 1.00}, // held out: 0/3 (2/2 quoted) when measured once (BASELINE_ROUND731.md), then developed against
	"round733": {0.66, 1.00}, // held out: 2/3 (0/0 quoted) when measured once (BASELINE_ROUND733.md), then developed against
	"round737": {0.93, 1.00}, // held out: 12/15 (9/10 quoted) when measured once (BASELINE_ROUND737.md), then developed against
	"round738": {0.90, 1.00}, // held out: 8/10 (2/5 quoted) when measured once (BASELINE_ROUND738.md), then developed against
	"round739": {0.84, 1.00}, // held out: 10/13 (5/5 quoted) when measured once (BASELINE_ROUND739.md), then developed against
	"round740": {0.92, 1.00},
	"round741": {0.75, 0.75}, // held out: 6/8 (3/4 quoted) when measured once (BASELINE_ROUND741.md), then developed against
	"round742": {0.92, 1.00}, // held out: 12/14 (9/10 quoted) when measured once (BASELINE_ROUND742.md), then developed against
	"round743": {0.91, 1.00}, // held out: 8/12 (4/5 quoted) when measured once (BASELINE_ROUND743.md), then developed against
	"round744": {0.78, 0.85}, // held out: 9/14 (6/7 quoted) when measured once (BASELINE_ROUND744.md), then developed against
	"round745": {0.76, 1.00}, // held out: 9/13 (10/10 quoted) when measured once (BASELINE_ROUND745.md), then developed against // held out: 13/14 (6/8 quoted) when measured once (BASELINE_ROUND740.md), then developed against
	"round746": {0.80, 1.00}, // held out: 12/15 (6/6 quoted) when measured once (BASELINE_ROUND746.md)
	"round747": {1.00, 1.00}, // held out: 8/8 (5/5 quoted) when measured once (BASELINE_ROUND747.md)
	"round748": {0.90, 0.80}, // held out: 9/11 (4/5 quoted) when measured once (BASELINE_ROUND748.md), then developed against
	"round749": {0.92, 1.00}, // held out: 12/14 (7/7 quoted) when measured once (BASELINE_ROUND749.md), then developed against
	"round750": {1.00, 0.72}, // held out: 14/15 (8/11 quoted) when measured once (BASELINE_ROUND750.md), then developed against
	"round751": {1.00, 1.00}, // held out: 13/16 (7/7 quoted) when measured once (BASELINE_ROUND751.md), then developed against
	"round752": {0.91, 1.00}, // held out: 10/12 (4/4 quoted) when measured once (BASELINE_ROUND752.md), then developed against
	"round753": {0.77, 1.00}, // held out: 6/9 (6/6 quoted) when measured once (BASELINE_ROUND753.md), then developed against
	"round754": {0.90, 0.88}, // held out: 10/11 (8/9 quoted) when measured once (BASELINE_ROUND754.md), then developed against
	"round755": {1.00, 1.00}, // held out: 2/3 (0/0 quoted) when measured once (BASELINE_ROUND755.md), then developed against
	"round756": {1.00, 0.83}, // held out: 10/11 (5/6 quoted) when measured once (BASELINE_ROUND756.md), then developed against
	"round757": {0.75, 0.90}, // held out: 10/16 (9/10 quoted) when measured once (BASELINE_ROUND757.md), then developed against
	"round758": {0.61, 0.80}, // held out: 6/13 (4/5 quoted) when measured once (BASELINE_ROUND758.md), then developed against
	"round759": {0.60, 0.85}, // held out: 6/10 (6/7 quoted) when measured once (BASELINE_ROUND759.md), then developed against
	"round760": {0.90, 1.00}, // held out: 8/11 (8/9 quoted) when measured once (BASELINE_ROUND760.md), then developed against
	"round761": {0.44, 0.80}, // held out: 4/9 (4/5 quoted) when measured once (BASELINE_ROUND761.md)
	"round762": {1.00, 1.00}, // held out: 7/8 (5/5 quoted) when measured once (BASELINE_ROUND762.md), then developed against
	"round763": {0.93, 1.00}, // held out: 13/16 (8/8 quoted) when measured once (BASELINE_ROUND763.md), then developed against
	"round764": {0.66, 0.88}, // held out: 9/15 (8/9 quoted) when measured once (BASELINE_ROUND764.md), then developed against
	"round765": {0.90, 0.77}, // held out: 10/11 (7/9 quoted) when measured once (BASELINE_ROUND765.md)
	"round766": {0.75, 1.00}, // held out: 6/8 (8/8 quoted) when measured once (BASELINE_ROUND766.md)
	"round767": {1.00, 1.00}, // held out: 21/23 (8/8 quoted) when measured once (BASELINE_ROUND767.md), then developed against
	"round768": {1.00, 0.80}, // held out: 6/7 (4/5 quoted) when measured once (BASELINE_ROUND768.md), then developed against
	"round769": {0.86, 1.00}, // held out: 11/15 (9/10 quoted) when measured once (BASELINE_ROUND769.md), then developed against
	"round770": {1.00, 1.00}, // held out: 5/6 (1/1 quoted) when measured once (BASELINE_ROUND770.md), then developed against
	"round771": {0.83, 0.75}, // held out: 9/12 (6/8 quoted) when measured once (BASELINE_ROUND771.md), then developed against
	"round772": {1.00, 1.00}, // held out: 15/15 (6/6 quoted) when measured once (BASELINE_ROUND772.md)
	"round773": {1.00, 0.50}, // held out: 3/4 (1/2 quoted) when measured once (BASELINE_ROUND773.md), then developed against
}

// corpusCase is one file of the corpus.
type corpusCase struct {
	file, source, why string
	batch             string // round2: the batch it was collected in
	category          diagnose.Category
	logline, evidence string // must occur in a quoted log line / in any evidence
	sections          []corpusSection
}

type corpusSection struct{ kind, text string }

func loadCorpus(t *testing.T, set string) []corpusCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", set, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files in %s: %v", set, err)
	}
	var out []corpusCase
	for _, f := range files {
		c, err := readCorpusCase(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, c)
	}
	return out
}

func readCorpusCase(path string) (corpusCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return corpusCase{}, err
	}
	c := corpusCase{file: filepath.Base(path)}
	var cur *corpusSection
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if kind, ok := strings.CutPrefix(line, "--- "); ok {
			c.sections = append(c.sections, corpusSection{kind: strings.TrimSpace(kind)})
			cur = &c.sections[len(c.sections)-1]
			continue
		}
		if cur != nil {
			cur.text += line + "\n"
			continue
		}
		key, value, _ := strings.Cut(line, ": ")
		switch key {
		case "source":
			c.source = value
		case "category":
			c.category = diagnose.Category(value)
		case "logline":
			c.logline = value
		case "evidence":
			c.evidence = value
		case "why":
			c.why = value
		case "batch":
			c.batch = value
		}
	}
	if c.source == "" || c.category == "" || len(c.sections) == 0 {
		return c, fmt.Errorf("needs source, category and at least one section")
	}
	return c, sc.Err()
}

// corpusNow is the fallback time for inputs without any timestamp.
var corpusNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// input feeds the case through the same path as `diagnose -f`: every
// section but the log is detected by its content; the log is --logs.
func (c corpusCase) input() (diagnose.Input, error) {
	var objs manifest.Objects
	for i, s := range c.sections {
		if s.kind == "log" {
			objs.Logs = append(objs.Logs, manifest.Log{Text: s.text})
			continue
		}
		if _, err := objs.ParseAny(fmt.Sprintf("%s#%d", c.file, i), strings.NewReader(s.text)); err != nil {
			return diagnose.Input{}, err
		}
	}
	return objs.Input(corpusNow)
}

// A pasteLayout joins a case's sections into one input, the way a whole
// issue or question is pasted into `diagnose -f`.
type pasteLayout struct {
	name string
	join func(kind, text string) string
	wrap func(text string) string // the whole paste, when it opens with the reporter's words (a title); may be nil
}

var pasteLayouts = []pasteLayout{
	{"blank lines", func(_, text string) string { return text + "\n" }, nil},
	{"code blocks", func(kind, text string) string {
		if kind == "text" {
			return text // the reporter's words around the blocks
		}
		return "```\n" + text + "```\n"
	}, nil},
	{"shell prompts", func(kind, text string) string {
		cmd := map[string]string{"log": "kubectl logs POD --previous", "describe": "kubectl describe pod POD",
			"get pods": "kubectl get pods", "events": "kubectl get events", "yaml": "kubectl get pod POD -o yaml"}[kind]
		if cmd == "" {
			return text
		}
		return "$ " + cmd + "\n" + text
	}, nil},
	{"back to back", func(_, text string) string { return text }, nil},
	// As a tracker's page or an index of issues keeps a report: what was
	// pasted folded in <details>, or indented as Markdown's code block.
	{"folded", func(kind, text string) string {
		if kind == "text" {
			return text + "\n"
		}
		return "<details><summary>" + kind + "</summary>\n\n```\n" + text + "```\n</details>\n"
	}, issueChrome},
	{"indented", func(kind, text string) string {
		if kind == "text" {
			return text + "\n"
		}
		return "    " + strings.ReplaceAll(strings.TrimSuffix(text, "\n"), "\n", "\n    ") + "\n\n"
	}, nil},
}

// issueChrome wraps a paste as an index of issues keeps a thread: its
// header and labels, the first line (the title) as a Markdown heading, a
// turn line above the rest.
func issueChrome(text string) string {
	title, rest, _ := strings.Cut(text, "\n")
	return "acme/widget · issue #412 · closed · Go\nlabels: bug, kind/crash\n# " + title + "\n\njdoe · description · 2024-05-02\n" + rest
}

// pasteKnownFaults are cases read differently as one paste for a fault
// left for later, not for the paste's layout: two containers' logs in one
// report, the second cut mid-line (sections: the second's fatal line; one
// paste: the first's permission error, which the thread settles on).
var pasteKnownFaults = map[string]bool{
	"round251/perm-socle-gitlab-shell-minio-cis-profile-uid-mismatch-init-main-container-crashloop.txt": true,
}

// pasted is the case as one input in layout l, read like `diagnose -f`;
// a case that opens with the reporter's words (a title) is wrapped too
// when l wraps.
func (c corpusCase) pasted(l pasteLayout) (diagnose.Input, error) {
	var all strings.Builder
	for _, s := range c.sections {
		all.WriteString(l.join(s.kind, s.text))
	}
	text := all.String()
	if l.wrap != nil && c.sections[0].kind == "text" {
		text = l.wrap(text)
	}
	var objs manifest.Objects
	if _, err := objs.ParseAny(c.file, strings.NewReader(text)); err != nil {
		return diagnose.Input{}, err
	}
	return objs.Input(corpusNow)
}

// TestCorpusAsOnePaste feeds every case as one paste (prose, tables,
// describe output, YAML and the log in one input, as a whole issue is
// pasted) and checks the diagnosis is the one its separate sections get.
// Back to back, with no blank line, prompt or code block between shapes,
// a few cases may differ. Each case is pasted in one layout, the layouts
// taken in turn (every case in every one takes minutes; -corpus-paste-all
// does that).
func TestCorpusAsOnePaste(t *testing.T) {
	sets := corpusSets
	for li, l := range pasteLayouts {
		t.Run(l.name, func(t *testing.T) {
			t.Parallel() // each layout reads its own cases; Diagnose is pure
			cases, differ, seen := 0, 0, 0
			for _, set := range sets {
				for _, c := range loadCorpus(t, set) {
					if seen++; seen%corpusSample != 0 || pasteKnownFaults[set+"/"+c.file] {
						continue
					}
					if !*pasteAll && (seen/corpusSample)%len(pasteLayouts) != li {
						continue
					}
					cases++
					in, err := c.input()
					if err != nil {
						t.Fatalf("%s/%s: %v", set, c.file, err)
					}
					want := diagnose.Diagnose(in)
					pin, err := c.pasted(l)
					if err != nil {
						t.Errorf("%s/%s as one paste: %v", set, c.file, err)
						continue
					}
					got := diagnose.Diagnose(pin)
					// As one paste, a kernel's line alone after prose may read as the
					// node's event (OOMKilling) and is quoted as that: not lost.
					quoteLost := c.logline != "" && hasQuotedLog(want.Evidence, c.logline) && !hasQuotedLog(got.Evidence, c.logline) && !hasQuotedEvent(got.Evidence, c.logline)
					if got.Category != want.Category || got.Healthy != want.Healthy || quoteLost {
						differ++
						t.Logf("%s/%s: sections %s, one paste %s (log line lost: %v): %s", set, c.file, want.Category, got.Category, quoteLost, got.Summary)
					}
				}
			}
			allowed := 0
			if l.name == "back to back" || l.name == "shell prompts" {
				allowed = cases / 100 // prose run into a log or YAML with nothing between
			}
			if l.name == "folded" || l.name == "indented" {
				allowed = cases / 100 // a block not after a sentence stays indented; a fold's title is one more line of words
			}
			t.Logf("%d of %d cases differ as one paste", differ, cases)
			if differ > allowed {
				t.Errorf("%d of %d cases are diagnosed differently as one paste (%d allowed)", differ, cases, allowed)
			}
		})
	}
}

type corpusResult struct {
	c                   corpusCase
	r                   diagnose.Report
	err                 error
	categoryOK, quoteOK bool
}

func runCorpus(t *testing.T, set string) []corpusResult {
	cases := loadCorpus(t, set)
	out := make([]corpusResult, len(cases))
	parallelFor(len(cases), func(i int) {
		c := cases[i]
		res := corpusResult{c: c}
		in, err := c.input()
		if err != nil {
			res.err = err
			out[i] = res
			return
		}
		res.r = diagnose.Diagnose(in)
		res.categoryOK = !res.r.Healthy && res.r.Category == c.category
		res.quoteOK = c.logline == "" || hasQuotedLog(res.r.Evidence, c.logline)
		out[i] = res
	})
	return out
}

// quotedFirst reports whether the first log line among the evidence is
// the explaining one (the report leads with the line behind the cause).
func quotedFirst(evidence []string, want string) bool {
	for _, e := range evidence {
		if strings.HasPrefix(e, "log: ") {
			return strings.Contains(e, want)
		}
	}
	return false
}

func hasQuotedLog(evidence []string, want string) bool {
	for _, e := range evidence {
		if strings.HasPrefix(e, "log: ") && strings.Contains(foldQuotes(e), foldQuotes(want)) {
			return true
		}
	}
	return false
}

// foldQuotes reads typographic double quotes as straight ones, as a paste
// is read: its quoted line is the same line.
func foldQuotes(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "„", `"`).Replace(s)
}

// hasQuotedEvent reports an event in evidence that quotes want.
func hasQuotedEvent(evidence []string, want string) bool {
	for _, e := range evidence {
		if strings.HasPrefix(e, "event ") && strings.Contains(e, want) {
			return true
		}
	}
	return false
}

func TestCorpus(t *testing.T) {
	var report strings.Builder
	report.WriteString("# Corpus report\n\nGenerated by `go test ./diagnose -run TestCorpus -corpus-report`.\n")
	sets := corpusSets
	if only := os.Getenv("CORPUS_SETS"); only != "" {
		sets = strings.Split(only, ",") // e.g. CORPUS_SETS=tune while developing
	}
	if corpusSample > 1 {
		// Under -race the whole corpus takes minutes and a sample finds any
		// data race the rest would: read a sample, and leave the floors to
		// `make test`'s run of TestCorpus without -race.
		seen := 0
		for _, set := range sets {
			for _, c := range loadCorpus(t, set) {
				if seen++; seen%corpusSample != 0 {
					continue
				}
				if in, err := c.input(); err == nil {
					diagnose.Diagnose(in)
				}
			}
		}
		return
	}
	for _, set := range sets {
		results := runCorpus(t, set)
		ok, quoted, withLine, first := 0, 0, 0, 0
		perCat := map[diagnose.Category][2]int{}
		perBatch := map[string][4]int{} // right, cases, quoted, with a line
		fmt.Fprintf(&report, "\n## %s\n\n| case | want | got | log line quoted | summary |\n|---|---|---|---|---|\n", set)
		for _, res := range results {
			if res.c.batch != "" {
				pb := perBatch[res.c.batch]
				pb[1]++
				if res.categoryOK {
					pb[0]++
				}
				if res.c.logline != "" {
					pb[3]++
					if res.quoteOK {
						pb[2]++
					}
				}
				perBatch[res.c.batch] = pb
			}
			pc := perCat[res.c.category]
			pc[1]++
			if res.categoryOK {
				ok++
				pc[0]++
			}
			perCat[res.c.category] = pc
			q := "n/a"
			if res.c.logline != "" {
				withLine++
				q = "no"
				if res.quoteOK {
					quoted++
					q = "yes"
				}
				if quotedFirst(res.r.Evidence, res.c.logline) {
					first++
				}
			}
			got := string(res.r.Category)
			if res.err != nil {
				got = "error: " + res.err.Error()
			} else if res.r.Healthy {
				got = "healthy"
			}
			mark := "✓"
			if !res.categoryOK {
				mark = "✗"
			}
			fmt.Fprintf(&report, "| %s %s | %s | %s | %s | %s |\n", mark, res.c.file, res.c.category, got, q, strings.ReplaceAll(res.r.Summary, "|", "\\|"))
			if !res.categoryOK || !res.quoteOK {
				t.Logf("%s %s (batch %s): want %s, got %s (quoted: %s): %s", set, res.c.file, res.c.batch, res.c.category, got, q, res.r.Summary)
			}
		}
		acc := float64(ok) / float64(len(results))
		qrate := 1.0
		if withLine > 0 {
			qrate = float64(quoted) / float64(withLine)
		}
		fmt.Fprintf(&report, "\n%s: %d/%d right category (%.0f%%), explaining log line quoted in %d/%d (%.0f%%), as the first log line of the evidence in %d\n", set, ok, len(results), 100*acc, quoted, withLine, 100*qrate, first)
		var cats []string
		for c := range perCat {
			cats = append(cats, string(c))
		}
		sort.Strings(cats)
		for _, c := range cats {
			pc := perCat[diagnose.Category(c)]
			fmt.Fprintf(&report, "- %s: %d/%d\n", c, pc[0], pc[1])
		}
		var batches []string
		for b := range perBatch {
			batches = append(batches, b)
		}
		sort.Slice(batches, func(i, j int) bool {
			return len(batches[i]) < len(batches[j]) || len(batches[i]) == len(batches[j]) && batches[i] < batches[j]
		})
		for _, b := range batches {
			pb := perBatch[b]
			fmt.Fprintf(&report, "- batch %s: %d/%d right, log line quoted %d/%d\n", b, pb[0], pb[1], pb[2], pb[3])
			t.Logf("%s batch %s: %d/%d right, log line quoted %d/%d", set, b, pb[0], pb[1], pb[2], pb[3])
		}
		t.Logf("%s: %d/%d right category (%.0f%%), log line quoted %d/%d (%.0f%%)", set, ok, len(results), 100*acc, quoted, withLine, 100*qrate)
		floor := corpusFloors[set]
		if acc+1e-9 < floor[0] || qrate+1e-9 < floor[1] {
			t.Errorf("%s: accuracy %.2f (floor %.2f), quoted %.2f (floor %.2f)", set, acc, floor[0], qrate, floor[1])
		}
	}
	if *writeReport {
		if err := os.WriteFile(*reportPath, []byte(report.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCorpusCase prints the full report of the corpus files named in
// CORPUS_CASE (comma-separated paths below testdata/corpus, e.g.
// holdout/x.txt), for reading while developing; it is skipped otherwise.
func TestCorpusCase(t *testing.T) {
	names := os.Getenv("CORPUS_CASE")
	if names == "" {
		t.Skip("set CORPUS_CASE=set/file.txt to print a case's report")
	}
	for _, name := range strings.Split(names, ",") {
		c, err := readCorpusCase(filepath.Join("testdata", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		in, err := c.input()
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := diagnose.WriteText(&b, diagnose.Diagnose(in)); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s (want %s, logline %q):\n%s", name, c.category, c.logline, b.String())
	}
}
