/**
 * The 30 departments of the seed's table (../shared/data/departments-2017-09.csv, kept in
 * the same order) with stable ids, plus the colleges (学院) that students belong to.
 */
export const DEPARTMENTS = [
  ['party-office', '党委办公室', 'Party Committee Office'],
  ['president-office', '校长办公室', "President's Office"],
  ['org-dept', '党委组织部', 'Organization Department'],
  ['discipline', '纪委监察处', 'Discipline Inspection Office'],
  ['publicity', '党委宣传部', 'Publicity Department'],
  ['student-affairs', '学生工作部（处）', 'Student Affairs Office'],
  ['security', '保卫处', 'Security Office'],
  ['hr', '人事处', 'Human Resources Office'],
  ['academic', '教务处', 'Academic Affairs Office'],
  ['graduate', '研究生院', 'Graduate School'],
  ['admissions', '招生就业处', 'Admissions and Careers Office'],
  ['finance', '财务处', 'Finance Office'],
  ['science', '科学技术处', 'Science and Technology Office'],
  ['humanities', '人文社科处', 'Humanities and Social Sciences Office'],
  ['assets', '资产管理处', 'Asset Management Office'],
  ['logistics', '后勤处', 'Logistics Office'],
  ['international', '国际交流处', 'International Exchange Office'],
  ['sports', '体育部', 'Physical Education Department'],
  ['farm-center', '试验中心（农事训练中心）', 'Experiment Center (Farm Training Center)'],
  ['testing-center', '测试中心', 'Testing Center'],
  ['innovation', '创新创业学院', 'Innovation and Entrepreneurship College'],
  ['edtech', '现代教育技术中心', 'Modern Educational Technology Center'],
  ['library', '图书馆', 'Library'],
  ['archives', '档案馆', 'Archives'],
  ['union', '校工会', 'Trade Union'],
  ['youth-league', '校团委', 'Youth League Committee'],
  ['primary-school', '附属小学', 'Affiliated Primary School'],
  ['hospital', '校医院', 'University Hospital'],
  ['kindergarten', '幼儿园', 'Kindergarten'],
  ['zoonosis-lab', '人兽共患病防控制剂国家地方联合工程实验室', 'National-Local Joint Engineering Lab of Zoonosis Control'],
] as const;

export const COLLEGES = [
  ['engineering', '工程学院', 'College of Engineering'],
  ['agriculture', '农学院', 'College of Agriculture'],
  ['economics', '经济管理学院', 'College of Economics and Management'],
  ['information', '数学与信息学院', 'College of Mathematics and Informatics'],
  ['veterinary', '兽医学院', 'College of Veterinary Medicine'],
  ['horticulture', '园艺学院', 'College of Horticulture'],
  ['life-sciences', '生命科学学院', 'College of Life Sciences'],
  ['foreign-languages', '外国语学院', 'College of Foreign Studies'],
] as const;

export const SCHOOL = ['school', '华南农业大学', 'South China Agricultural University'] as const;
